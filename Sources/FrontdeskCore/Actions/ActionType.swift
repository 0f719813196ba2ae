/// What an action does when its trigger fires.
public enum ActionType: String, Sendable, Codable, CaseIterable {
    /// POSTs the event, signed, to the action's `url`.
    case webhook
    /// Marks the event's resource `housekeeping: dirty` until someone cleans it.
    case flagForCleaning = "flag_for_cleaning"
    /// On a check-out, stamps `ready_at` on the next booking of the resource (`booking_ready`).
    case readyNextBooking = "ready_next_booking"

    /// The triggers the type may be bound to; nil when any will do.
    public var triggers: Set<EventType>? {
        switch self {
        case .webhook, .flagForCleaning: nil
        case .readyNextBooking: [.checkoutStarted, .checkoutCompleted, .bookingCompleted, .bookingLineCheckedOut]
        }
    }
}
