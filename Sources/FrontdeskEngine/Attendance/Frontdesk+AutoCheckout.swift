import Foundation
import FrontdeskCore
import Logging

/// Visits members left open are closed once expired (`AttendancePolicy.expiry`): stamped at their
/// planned end or at the session cap, never at the sweep's own time, classified as
/// `auto_checked_out`, with a `session_expired` event after their check-out's.
extension Frontdesk {
    /// The batch call for a scheduler: closes the organization's expired visits as of `before`
    /// (default now; not ahead of the clock), of members of `memberType` if given, at most `limit`.
    /// Requires `attendance:manage`.
    public func checkOutExpired(
        _ caller: Caller, before: Date? = nil, memberType: String? = nil, limit: Int = 500
    ) async throws -> [Checkin] {
        try caller.require(.attendanceManage)
        try caller.requireEveryLocation("location_id",
                                        "you see only some locations: this checks out the whole organization's visits")
        var v = Validator()
        v.stamp(before, "before", now: now)
        v.text(memberType, "member_type", max: 50)
        v.check((1...1_000).contains(limit), "limit", "must be between 1 and 1000")
        try v.validate()
        return try await checkOutExpired(before: before, of: caller.organizationID, memberType: memberType, limit: limit)
    }

    /// Closes expired visits, the sweeper's part: of every organization, or of one.
    @discardableResult
    func checkOutExpired(
        before: Date? = nil, of organizationID: UUID? = nil, memberType: String? = nil, limit: Int
    ) async throws -> [Checkin] {
        let now = self.now, before = before ?? now
        // Visits in progress are the people in the building: few, read whole.
        let expired = try await store.openAttendanceVisits(of: organizationID, limit: 10_000).filter { open in
            (memberType == nil || open.context.memberType == memberType)
                && open.context.policy.expiry(of: open.visit, in: open.context.zone).map { $0.deadline <= before } == true
        }.prefix(limit)
        var closed: [Checkin] = []
        for open in expired {
            let caller = Caller.system(open.visit.organizationID)
            let (newID, hooks, found) = (self.newID, beforeHooks(caller), FoundTransitions())
            do {
                closed.append(try await store.changeCheckin(open.visit.organizationID, open.visit.id) { current, _, attendance in
                    let now = self.now
                    guard let attendance, let expiry = attendance.policy.expiry(of: current, in: attendance.zone),
                          expiry.deadline <= before else { throw NotExpired() }
                    let next = attendance.classified(try current.checkingOut(at: expiry.stamp, now: now), autoCheckedOut: true)
                    var write = try Self.write(next, from: current, linked: nil, action: "auto_checkout", actor: caller.actor,
                                               reason: "session expired", at: now, newID: newID, hooks: hooks, found: found)
                    write.checkin.events.append(EventDraft(id: newID(), type: .sessionExpired, entityType: "checkin",
                                                           entityID: next.id, data: DomainJSON.encode(next), createdAt: now))
                    return write
                })
                try await runAfter(found.all, caller)
            } catch is NotExpired {
                continue  // checked out, or its expiry moved, since it was read
            } catch let error as FrontdeskError {
                logger.notice("An expired visit was left open", metadata: [
                    "checkin": "\(open.visit.id)", "code": "\(error.code)", "detail": "\(error.detail)",
                ])
            }
        }
        return closed
    }
}

/// The visit the query found is no longer expired when read in its transaction.
private struct NotExpired: Error {}
