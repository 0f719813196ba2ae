/// A desk button (or API action) and the status it leads to.
public enum BookingAction: String, Sendable, CaseIterable {
    case confirm
    case checkIn = "check_in"
    case start
    case checkOut = "check_out"
    case cancel
    case noShow = "no_show"
    case expire

    public var target: BookingStatus {
        switch self {
        case .confirm: .confirmed
        case .checkIn: .checkedIn
        case .start: .active
        case .checkOut: .completed
        case .cancel: .cancelled
        case .noShow: .noShow
        case .expire: .expired
        }
    }

    /// The action that enters `status`: a PATCH of `status` is exactly this action.
    public init?(entering status: BookingStatus) {
        guard let action = Self.allCases.first(where: { $0.target == status }) else { return nil }
        self = action
    }

    /// The event a successful action writes to the outbox.
    public var eventType: EventType {
        switch self {
        case .confirm: .bookingConfirmed
        case .checkIn: .bookingCheckedIn
        case .start: .bookingStarted
        case .checkOut: .bookingCompleted
        case .cancel: .bookingCancelled
        case .noShow: .bookingNoShow
        case .expire: .bookingExpired
        }
    }
}
