import Foundation

/// A desk's buttons for a booking: its steps (`BookingAction`, but the sweeper's `expire`) and
/// `revert` (seed 002's "the one right button per row").
public enum DeskButton: Sendable, Hashable, CaseIterable, RawRepresentable {
    case step(BookingAction)
    case revert

    public static let allCases: [DeskButton] = BookingAction.allCases.filter { $0 != .expire }.map(step) + [.revert]

    public init?(rawValue: String) {
        guard let button = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = button
    }

    public var rawValue: String {
        switch self {
        case .step(let action): action.rawValue
        case .revert: "revert"
        }
    }
}

extension Booking {
    /// The buttons legal now, in the order a desk offers them: a step its status machine allows
    /// (the sweeper's `expire` is none of them), check-in while a line is still to arrive,
    /// check-out while one is in, revert while a check-in or check-out can be undone.
    public var allowedActions: [DeskButton] {
        let next = status.allowedNext
        let arriving = lines.contains { $0.state == .reserved }
        let inHouse = lines.contains { $0.state == .occupied }
        let checkedOut = lines.contains { $0.state == .released && $0.checkedOutAt != nil }
        return DeskButton.allCases.filter { button in
            switch button {
            case .step(.confirm): next.contains(.confirmed)
            case .step(.checkIn): arriving && (next.contains(.checkedIn) || status == .checkedIn || status == .active)
            case .step(.start): next.contains(.active)
            case .step(.checkOut): next.contains(.completed) && (inHouse || status == .active)
            case .step(.cancel): next.contains(.cancelled)
            case .step(.noShow): next.contains(.noShow)
            case .step(.expire): false
            case .revert: [.checkedIn, .active, .completed].contains(status) && (inHouse || checkedOut)
            }
        }
    }
}
