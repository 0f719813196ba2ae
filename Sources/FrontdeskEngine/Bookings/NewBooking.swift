import Foundation
import FrontdeskCore

/// A booking as a client asks for it, before its windows are resolved.
public struct NewBooking: Sendable {
    public struct Line: Sendable {
        public var resourceID: UUID
        public var window: WindowSpec

        public init(resourceID: UUID, window: WindowSpec) {
            self.resourceID = resourceID
            self.window = window
        }
    }

    public var memberID: UUID
    public var lines: [Line]
    public var status: BookingStatus
    public var source: Booking.Source
    public var notes: String?

    public init(memberID: UUID, lines: [Line], status: BookingStatus = .confirmed,
                source: Booking.Source = .api, notes: String? = nil) {
        self.memberID = memberID
        self.lines = lines
        self.status = status
        self.source = source
        self.notes = notes
    }
}

/// A change a client asks for through `PATCH /bookings/{id}`.
public struct BookingPatch: Sendable {
    public var status: BookingStatus?
    public var notes: String?

    public init(status: BookingStatus? = nil, notes: String? = nil) {
        self.status = status
        self.notes = notes
    }
}
