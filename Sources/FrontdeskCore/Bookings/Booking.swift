import Foundation

/// Intent: a member holds one or more resources, each line with its own window.
public struct Booking: Sendable, Hashable, Identifiable {
    public enum Source: String, Sendable, Codable, CaseIterable {
        case web, phone
        case walkIn = "walk_in"
        case api, pos
    }

    public var id: UUID
    public var organizationID: UUID
    public var number: String
    public var status: BookingStatus
    public var memberID: UUID
    /// The member's name as the booking was read or written (derived from the member, never stored
    /// with the booking): a desk screen shows it without another call.
    public var memberName: String?
    /// Where it is kept, swept and listed: its first line's resource's location when it was made.
    public var locationID: UUID
    public var lines: [BookingLine]
    public var source: Source
    public var notes: String?
    public var cancellationReason: String?
    public var actualStartAt: Date?
    public var actualEndAt: Date?
    /// When a `ready_next_booking` action found the resource free for this booking, ahead of its start.
    public var readyAt: Date?
    public var currency: String
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, organizationID: UUID, number: String, status: BookingStatus, memberID: UUID,
                locationID: UUID, lines: [BookingLine], source: Source, notes: String?, cancellationReason: String? = nil,
                actualStartAt: Date? = nil, actualEndAt: Date? = nil, readyAt: Date? = nil, currency: String, version: Int = 1,
                createdAt: Date, updatedAt: Date, memberName: String? = nil) {
        self.id = id
        self.organizationID = organizationID
        self.number = number
        self.status = status
        self.memberID = memberID
        self.memberName = memberName
        self.locationID = locationID
        self.lines = lines
        self.source = source
        self.notes = notes
        self.cancellationReason = cancellationReason
        self.actualStartAt = actualStartAt
        self.actualEndAt = actualEndAt
        self.readyAt = readyAt
        self.currency = currency
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// From the earliest line start to the latest line end.
    public var window: TimeWindow {
        TimeWindow(start: lines.map(\.window.start).min() ?? createdAt,
                   end: lines.map(\.window.end).max() ?? createdAt)
    }

    public var totalAmount: Int { lines.reduce(0) { $0 + $1.amount } }

    /// The booking as it stands at `now`, its overdue lines marked (the JSON's `overdue`).
    public func asOf(_ now: Date) -> Booking {
        var booking = self
        for i in booking.lines.indices { booking.lines[i].overdue = booking.lines[i].isOverdue(at: now) }
        return booking
    }
}
