import Foundation

/// What an activity report is computed from, as a store reads it for a period: the booking lines
/// and the visits that overlap it, and the resources and locations they are reported under. A store
/// may read more (rows that only touch the period); the report keeps what its rules name.
public struct ActivityFacts: Sendable {
    /// A resource of the report, and when it was deleted (a deleted resource's past stays in the
    /// reports of its time, and it is idle no longer after).
    public struct Place: Sendable, Hashable {
        public var resource: Resource
        public var deletedAt: Date?

        public init(resource: Resource, deletedAt: Date? = nil) {
            self.resource = resource
            self.deletedAt = deletedAt
        }
    }

    /// A booking line with its booking's status and its own arrival and departure.
    public struct Line: Sendable, Hashable {
        public var id: UUID
        public var bookingID: UUID
        public var resourceID: UUID
        public var status: BookingStatus
        public var window: TimeWindow
        public var checkedInAt: Date?
        public var checkedOutAt: Date?

        public init(id: UUID, bookingID: UUID, resourceID: UUID, status: BookingStatus, window: TimeWindow,
                    checkedInAt: Date? = nil, checkedOutAt: Date? = nil) {
            self.id = id
            self.bookingID = bookingID
            self.resourceID = resourceID
            self.status = status
            self.window = window
            self.checkedInAt = checkedInAt
            self.checkedOutAt = checkedOutAt
        }
    }

    /// A visit that began: a checkin's actual stamps, `check_out` nil while it is in progress.
    public struct Stay: Sendable, Hashable {
        public var checkinID: UUID
        public var resourceID: UUID
        /// The booking line it is the presence of, when it has one.
        public var bookingLineID: UUID?
        public var checkIn: Date
        public var checkOut: Date?

        public init(checkinID: UUID, resourceID: UUID, bookingLineID: UUID? = nil, checkIn: Date, checkOut: Date? = nil) {
            self.checkinID = checkinID
            self.resourceID = resourceID
            self.bookingLineID = bookingLineID
            self.checkIn = checkIn
            self.checkOut = checkOut
        }
    }

    /// The organization's resources that are not deleted, and the deleted ones `lines` or `stays` name.
    public var places: [Place]
    /// The locations of `places`, and the organization's others that are not deleted.
    public var locations: [Location]
    public var lines: [Line]
    public var stays: [Stay]

    public init(places: [Place], locations: [Location], lines: [Line], stays: [Stay]) {
        self.places = places
        self.locations = locations
        self.lines = lines
        self.stays = stays
    }
}
