import Foundation
import FrontdeskCore
import Logging

/// What members' attendance announces: a streak milestone reached (`streak_milestone`, once each)
/// and engagement that moved (`engagement_changed`), found by evaluating the members whose days
/// changed, and those whose day has turned (engagement fades with no visit). The sweeper's part;
/// plugins' after-hooks see each announcement as the system's.
extension Frontdesk {
    /// Evaluates up to `limit` members due; returns how many evaluations announced something.
    @discardableResult
    public func announceAttendance(limit: Int = 500) async throws -> Int {
        var announced = 0
        for tally in try await store.dueTallies(at: now, limit: limit) {
            let caller = Caller.system(tally.organizationID)
            let news: AttendanceNews
            do {
                let (stats, zone) = try await memberStats(tally.organizationID, tally.memberID)
                news = AttendanceNews(tally, stats: stats, nextDay: LocalDate(now, in: zone).adding(days: 1)
                    .instant(at: LocalTime("00:00")!, in: zone))
            } catch let error as FrontdeskError where error.code == "not_found" {
                news = AttendanceNews(quiet: tally)  // a member deleted since: nothing left to announce
            }
            let now = self.now
            var events = news.milestones.map { days in
                EventDraft(id: newID(), type: .streakMilestone, entityType: "member", entityID: tally.memberID,
                           data: StreakMilestone(memberID: tally.memberID, days: days).sortedJSON, createdAt: now)
            }
            if let change = news.engagement {
                events.append(EventDraft(id: newID(), type: .engagementChanged, entityType: "member", entityID: tally.memberID,
                                         data: change.data(memberID: tally.memberID).sortedJSON, createdAt: now))
            }
            let audit = news.isEmpty ? nil : AuditEntry(
                id: newID(), organizationID: tally.organizationID, entityType: "member", entityID: tally.memberID,
                action: "attendance_announced", actor: caller.actor, before: nil, after: news.announced,
                reason: "sweep", createdAt: now)
            guard try await store.keepEvaluation(TallyEvaluation(tally: news.tally, was: tally, audit: audit, events: events)),
                  !news.isEmpty else { continue }
            announced += 1
            try await runAfter(news.milestones.map { .streakMilestone(memberID: tally.memberID, days: $0) }
                + (news.engagement.map { [.engagementChanged(memberID: tally.memberID, $0)] } ?? []), caller)
        }
        return announced
    }
}
