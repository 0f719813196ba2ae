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

    /// A member's visits by month, oldest first.
    public func memberAttendanceHistory(_ caller: Caller, _ memberID: UUID) async throws -> [MonthOfVisits] {
        try caller.require(.attendanceRead)
        return MonthOfVisits.history(try await store.memberVisits(caller.organizationID, member: memberID).visits)
    }

    /// The dashboard of `[from, to)` (at most 366 days), its days read in the organization's zone;
    /// engagement as of its last day, from the visits of the 90 days before it.
    public func attendanceDashboard(
        _ caller: Caller, from: Date, to: Date, locationID: UUID? = nil
    ) async throws -> AttendanceDashboard {
        try caller.require(.attendanceRead)
        var v = Validator()
        v.bookable(from, "from")
        v.bookable(to, "to")
        v.check(to > from, "to", "must be after from")
        v.check(to.timeIntervalSince(from) <= 366 * 86_400, "to", "must be at most 366 days after from")
        try v.validate()
        let zone = try await organization(of: caller).zone
        let days = LocalDate(from, in: zone)...LocalDate(to.addingTimeInterval(-0.001), in: zone)
        let since = min(from, to.addingTimeInterval(-Double(AttendanceDashboard.engagementDays) * 86_400))
        let visits = try await store.memberVisits(caller.organizationID, in: TimeWindow(start: since, end: to), at: locationID)
        return AttendanceDashboard(visits: visits, days: days)
    }

    /// Who is in now, in one location or in every one.
    public func occupancy(_ caller: Caller, locationID: UUID? = nil) async throws -> Headcount {
        try caller.require(.attendanceRead)
        return Headcount(try await store.presentVisits(caller.organizationID, at: locationID))
    }
}
