/// Where a member's membership stands: only an `active` member may check in by scanning; a `paused`
/// or `expired` one is refused (`member_inactive`) but may always leave.
public enum MemberStatus: String, Sendable, Codable, CaseIterable {
    case active, paused, expired
}
