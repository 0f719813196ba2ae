/// The life of a booking: pending → confirmed → checked_in → active → completed, with the
/// off-path endings cancelled, no_show and expired. Moves only go forward.
public enum BookingStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case pending
    case confirmed
    case checkedIn = "checked_in"
    case active
    case completed
    case cancelled
    case noShow = "no_show"
    case expired

    /// Statuses in which a booking holds its resources.
    public static let holding: Set<BookingStatus> = [.pending, .confirmed, .checkedIn, .active]

    public var holdsResources: Bool { Self.holding.contains(self) }

    /// Statuses of a booking whose guest has yet to arrive: the ones a freed resource can be readied for.
    public static let awaitingArrival: Set<BookingStatus> = [.pending, .confirmed]

    /// The statuses this one may move to, in the order a desk would offer them.
    public var allowedNext: [BookingStatus] {
        switch self {
        case .pending: [.confirmed, .cancelled, .expired]
        case .confirmed: [.checkedIn, .active, .cancelled, .noShow]
        case .checkedIn: [.active, .completed, .cancelled]
        case .active: [.completed]
        case .completed, .cancelled, .noShow, .expired: []
        }
    }

    public func canMove(to next: BookingStatus) -> Bool { allowedNext.contains(next) }

    /// Only these may be deleted for good.
    public var isDeletable: Bool { self == .cancelled || self == .expired }

    /// Statuses a booking may be created in.
    public static let creatable: [BookingStatus] = [.pending, .confirmed, .active]
}
