import Foundation

/// Presence: someone arrived at a resource and, later, left. Linked to a booking line or standalone
/// (walk-ins, drop-in desks, access control). The planned window is optional; the actual stamps
/// `checkIn` and `checkOut` are filled as the visit goes.
public struct Checkin: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    public var resourceID: UUID
    /// Where the visit happened: its resource's location when it was registered (a booking's
    /// visits are at the booking's location). A resource that moves later does not move its visits.
    public var locationID: UUID
    public var memberID: UUID?
    public var bookingID: UUID?
    /// The booking line this visit is the presence of, when it has a booking.
    public var bookingLineID: UUID?
    /// The planned visit, `starts_at`/`ends_at`.
    public var planned: TimeWindow?
    public var checkIn: Date?
    public var checkOut: Date?
    public var notes: String?
    public var metadata: [String: JSONValue]
    /// How the arrival was recorded, when the client said (a scan: by the code's kind).
    public var method: CheckinMethod?
    /// The device that recorded it: a kiosk's or reader's name, a phone's id.
    public var device: String?
    public var geo: GeoPoint?
    /// What the visit counted as, once finished (a member's visit outside bookings: `AttendancePolicy`).
    public var attendance: VisitAttendance?
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, organizationID: UUID, resourceID: UUID, locationID: UUID, memberID: UUID? = nil, bookingID: UUID? = nil,
                bookingLineID: UUID? = nil, planned: TimeWindow? = nil, checkIn: Date? = nil, checkOut: Date? = nil,
                notes: String? = nil, metadata: [String: JSONValue] = [:], method: CheckinMethod? = nil,
                device: String? = nil, geo: GeoPoint? = nil, attendance: VisitAttendance? = nil, version: Int = 1,
                createdAt: Date, updatedAt: Date? = nil) {
        self.id = id
        self.organizationID = organizationID
        self.resourceID = resourceID
        self.locationID = locationID
        self.memberID = memberID
        self.bookingID = bookingID
        self.bookingLineID = bookingLineID
        self.planned = planned
        self.checkIn = checkIn?.truncatedToMilliseconds
        self.checkOut = checkOut?.truncatedToMilliseconds
        self.notes = notes
        self.metadata = metadata
        self.method = method
        self.device = device
        self.geo = geo
        self.attendance = attendance
        self.version = version
        self.createdAt = createdAt.truncatedToMilliseconds
        self.updatedAt = (updatedAt ?? createdAt).truncatedToMilliseconds
    }

    public var state: CheckinState { CheckinState(checkIn: checkIn, checkOut: checkOut) }

    /// How long the visit lasts as lists by window read it (the planned window, else from the
    /// check-in, or while pending from its creation, to the check-out); nil while it has no end.
    public var span: TimeInterval? {
        guard let end = planned?.end ?? checkOut else { return nil }
        return end.timeIntervalSince(planned?.start ?? checkIn ?? createdAt)
    }
}
