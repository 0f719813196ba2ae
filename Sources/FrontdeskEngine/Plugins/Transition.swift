import FrontdeskCore

/// What a plugin hook is told: the transition and the entity as it is written.
public enum Transition: Sendable {
    case checkIn(Checkin)
    case checkOut(Checkin)
    /// A booking action (confirm, check in, start, check out, cancel, no-show) taken by a caller,
    /// through its button or a `status` change; or a no-show or expiry by the sweeper (`Caller.system`).
    case booking(BookingAction, Booking)

    /// What a change of a checkin does: a check-in, a check-out, both (one edit stamping both), or
    /// neither (edits of the plan, reverts).
    static func between(_ before: Checkin, _ after: Checkin) -> [Transition] {
        switch (before.state, after.state) {
        case (.pending, .inProgress): [.checkIn(after)]
        case (.inProgress, .complete): [.checkOut(after)]
        case (.pending, .complete): [.checkIn(after), .checkOut(after)]
        default: []
        }
    }
}
