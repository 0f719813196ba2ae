import Foundation
import FrontdeskCore

/// What attendance tells: a member's statistics and who is in now. Requires `attendance:read`.
extension Frontdesk {
    /// A member's statistics on their local day now; streaks count the days of their schedule
    /// (their own, else their type's, when they are measured against one).
    public func memberAttendance(_ caller: Caller, _ memberID: UUID) async throws -> MemberStats {
        try caller.require(.attendanceRead)
        let read = try await store.memberVisits(caller.organizationID, member: memberID)
        let policy = try await store.attendanceSettings(caller.organizationID)
            .policy(for: read.member.type, schedule: read.member.schedule)
        return MemberStats(visits: read.visits, today: LocalDate(now, in: read.zone),
                           schedule: policy.detection == .scheduleAware ? policy.schedule : nil)
    }

    /// Who is in now, in one location or in every one.
    public func occupancy(_ caller: Caller, locationID: UUID? = nil) async throws -> Headcount {
        try caller.require(.attendanceRead)
        return Headcount(try await store.presentVisits(caller.organizationID, at: locationID))
    }
}
