import Foundation
import FrontdeskCore

/// What a plugin hook is told: the transition and the entity as it is written.
public enum Transition: Sendable {
    case checkIn(Checkin)
    case checkOut(Checkin)
    /// A booking action (confirm, check in, start, check out, cancel, no-show) taken by a caller,
    /// through its button or a `status` change; or a no-show or expiry by the sweeper (`Caller.system`).
    case booking(BookingAction, Booking)
    /// A member's streak reached a milestone (`MemberStats.milestoneDays`) for the first time.
    /// Announced after the fact (`announceAttendance`): only after-hooks see it.
    case streakMilestone(memberID: UUID, days: Int)
    /// A member's engagement moved; after-hooks only, as milestones.
    case engagementChanged(memberID: UUID, AttendanceNews.EngagementChange)

    /// What a transition moves, without the stamps it carries: the step and the checkin's or
    /// booking's id.
    struct Move: Hashable, Sendable {
        var step: String
        var id: UUID
    }

    var move: Move {
        switch self {
        case .checkIn(let checkin): Move(step: "check_in", id: checkin.id)
        case .checkOut(let checkin): Move(step: "check_out", id: checkin.id)
        case .booking(let action, let booking): Move(step: action.rawValue, id: booking.id)
        case .streakMilestone(let memberID, let days): Move(step: "streak_milestone_\(days)", id: memberID)
        case .engagementChanged(let memberID, let change): Move(step: "engagement_\(change.to.rawValue)", id: memberID)
        }
    }

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
