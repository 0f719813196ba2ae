import Foundation

/// One resource held by a booking, with its own window and its own arrival and departure.
public struct BookingLine: Sendable, Hashable, Identifiable {
    public enum State: String, Sendable, Codable, Hashable, CaseIterable {
        /// Held, nobody there yet.
        case reserved
        /// Somebody is there.
        case occupied
        /// No longer held: checked out, cancelled, or the booking ended.
        case released
    }

    public var id: UUID
    public var resourceID: UUID
    /// The resource's name and category as the line was read or written (derived, never stored
    /// with the line).
    public var resourceName: String?
    public var resourceCategory: String?
    public var window: TimeWindow
    /// The check-in and check-out dates it was booked by, when it was; its window is them read at its
    /// location's desk times. A window given as instants has none.
    public var dates: StayDates?
    public var state: State
    public var checkedInAt: Date?
    public var checkedOutAt: Date?
    /// Price of this line in minor units of the booking's currency.
    public var amount: Int
    /// Derived, never stored: whether the line was overdue (`isOverdue(at:)`) when the booking was
    /// read or written, as `Booking.asOf(_:)` marks it for its JSON.
    public var overdue = false

    public init(id: UUID, resourceID: UUID, window: TimeWindow, dates: StayDates? = nil, state: State = .reserved,
                checkedInAt: Date? = nil, checkedOutAt: Date? = nil, amount: Int) {
        self.id = id
        self.resourceID = resourceID
        self.window = window
        self.dates = dates
        self.state = state
        self.checkedInAt = checkedInAt
        self.checkedOutAt = checkedOutAt
        self.amount = amount
    }

    /// The line naming `resource` (`resourceName`, `resourceCategory`).
    public func named(by resource: Resource) -> BookingLine {
        var line = self
        (line.resourceName, line.resourceCategory) = (resource.name, resource.category)
        return line
    }

    /// Whether this line still takes capacity from its resource.
    public var holds: Bool { state != .released }

    /// Checked in, not checked out, and past its end: it holds its resource until it is checked out.
    public func isOverdue(at now: Date) -> Bool {
        Occupancy.isOverdue(window, checkedIn: state == .occupied, at: now)
    }

    mutating func occupy(at instant: Date) {
        guard state == .reserved else { return }
        state = .occupied
        checkedInAt = instant
    }

    mutating func release(at instant: Date) {
        guard state != .released else { return }
        if state == .occupied { checkedOutAt = instant }
        state = .released
    }
}
