import Foundation

/// A desk's buttons for a booking: the steps its status and lines allow now (seed 002's "the one
/// right button per row").
public enum DeskButton: String, Sendable, CaseIterable {
    case confirm
    case checkIn = "check_in"
    case start
    case checkOut = "check_out"
    case cancel
    case noShow = "no_show"
    case revert
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
            case .confirm: next.contains(.confirmed)
            case .checkIn: arriving && (next.contains(.checkedIn) || status == .checkedIn || status == .active)
            case .start: next.contains(.active)
            case .checkOut: next.contains(.completed) && (inHouse || status == .active)
            case .cancel: next.contains(.cancelled)
            case .noShow: next.contains(.noShow)
            case .revert: [.checkedIn, .active, .completed].contains(status) && (inHouse || checkedOut)
            }
        }
    }
}
