import Foundation
import FrontdeskCore

/// What attendance tells: a member's statistics and who is in now. Requires `attendance:read`.
extension Frontdesk {
    /// A member's statistics on their local day now, from their days.
    public func memberAttendance(_ caller: Caller, _ memberID: UUID) async throws -> MemberStats {
        try caller.require(.attendanceRead)
        return try await memberStats(caller.organizationID, memberID).stats
    }

    /// The statistics of a visit's member, counting it, as a check-in or a scan answers them: who
    /// checked the member in sees how often they came, without `attendance:read`. Nil for an
    /// anonymous visit, or a member deleted since.
    public func arrivalStats(_ caller: Caller, of visit: Checkin) async throws -> MemberStats? {
        guard let memberID = visit.memberID, visit.organizationID == caller.organizationID else { return nil }
        do {
            return try await memberStats(caller.organizationID, memberID).stats
        } catch let error as FrontdeskError where error.code == "not_found" {
            return nil
        }
    }

    /// A member's statistics now, and the zone their day is read in.
    func memberStats(_ organizationID: UUID, _ memberID: UUID) async throws -> (stats: MemberStats, zone: TimeZone) {
        let read = try await store.memberDays(organizationID, member: memberID)
        return (read.stats(now: now), read.zone)
    }

    /// A member's visits by month, oldest first.
    public func memberAttendanceHistory(_ caller: Caller, _ memberID: UUID) async throws -> [MonthOfVisits] {
        try caller.require(.attendanceRead)
        return MonthOfVisits.history(try await store.memberDays(caller.organizationID, member: memberID).days)
    }

    /// The dashboard of `[from, to)` (at most 366 days), its days read in the organization's zone;
    /// engagement as last evaluated (`announceAttendance`).
    public func attendanceDashboard(
        _ caller: Caller, from: Date, to: Date, locationID: UUID? = nil
    ) async throws -> AttendanceDashboard {
        try caller.require(.attendanceRead)
        try caller.requireReach(locationID)
        var v = Validator()
        v.bookable(from, "from")
        v.bookable(to, "to")
        v.check(to > from, "to", "must be after from")
        v.check(to.timeIntervalSince(from) <= 366 * 86_400, "to", "must be at most 366 days after from")
        try v.validate()
        let zone = try await organization(of: caller).zone
        let days = LocalDate(from, in: zone)...LocalDate(to.addingTimeInterval(-0.001), in: zone)
        return try await store.attendanceDashboard(caller.organizationID, days: days, at: locationID)
    }

    /// Who is in now, in one location or in every one.
    public func occupancy(_ caller: Caller, locationID: UUID? = nil) async throws -> Headcount {
        try caller.require(.attendanceRead)
        try caller.requireReach(locationID)
        return Headcount(try await store.presentVisits(caller.organizationID, at: locationID))
    }
}
