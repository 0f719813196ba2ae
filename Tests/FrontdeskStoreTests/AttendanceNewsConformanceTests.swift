import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Synchronization
import Testing

/// Members' days are kept in each visit's transaction, outlive the visits retention purges, and
/// the sweeper announces streak milestones (once each) and engagement moves as events and to
/// plugins, on every engine.
@Suite("Attendance news")
struct AttendanceNewsConformanceTests {
    static let day: TimeInterval = 86_400

    /// A visit of an hour from now, the clock then a day on.
    static func visitToday(_ f: StoreFixture, _ frontdesk: Frontdesk, _ member: Member, _ resource: Resource) async throws {
        let visit = try await frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: resource.id, memberID: member.id,
                                                                              checkIn: .now))
        f.clock.advance(by: 3_600)
        _ = try await frontdesk.checkOut(f.owner, visit.id)
        f.clock.advance(by: day - 3_600)
    }

    @Test(arguments: Backend.enabled)
    func milestonesAreAnnouncedOnceAndEngagementAsItMoves(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await f.makeResource(at: try await f.makeLocation(name: "Gym"), name: "Floor", capacity: 50)
            let ada = try await f.frontdesk.createMember(f.owner, MemberInput(type: "member", name: "Ada"))
            let heard = Heard()
            let frontdesk = f.with(plugins: [heard])
            f.clock.advance(by: 8 * 3_600)
            for _ in 0..<7 { try await Self.visitToday(f, frontdesk, ada, gym) }

            #expect(try await frontdesk.announceAttendance() == 1)
            #expect(try await frontdesk.announceAttendance() == 0)  // nothing moved since
            func news() async throws -> [String] {
                try await f.allEvents().filter { $0.entityID == ada.id }.map { event in
                    let data = try JSONSerialization.jsonObject(with: event.data) as! [String: Any]
                    return "\(event.type.rawValue) \(data["days"] ?? data["to"] ?? "")"
                }
            }
            #expect(try await news() == ["streak_milestone 7", "engagement_changed regular"])
            #expect(heard.seen.withLock { $0 } == ["milestone 7", "none → regular"])

            // A day without a visit ends the streak, not the milestone; the eighth visit makes her active.
            f.clock.advance(by: Self.day)
            try await Self.visitToday(f, frontdesk, ada, gym)
            #expect(try await frontdesk.announceAttendance() == 1)
            #expect(try await news().last == "engagement_changed active")
            let stats = try await frontdesk.memberAttendance(f.owner, ada.id)
            #expect(stats.totalVisits == 8 && stats.longestStreak == 7 && stats.milestones == [7])

            // Days go by: at risk after 14 days away, dormant after 30; the sweep does it.
            f.clock.advance(by: 13 * Self.day)
            #expect(try await frontdesk.announceAttendance() == 1)
            let board = try await frontdesk.attendanceDashboard(f.owner, from: f.now - 30 * Self.day, to: f.now)
            #expect(board.engagement == [.atRisk: 1] && board.atRiskMembers.map(\.name) == ["Ada"])
            #expect(board.atRiskMembers.first?.visits == 8)
            f.clock.advance(by: 16 * Self.day)
            _ = try await frontdesk.sweep()
            #expect(try await news().suffix(2) == ["engagement_changed at_risk", "engagement_changed dormant"])
            #expect(heard.seen.withLock { $0 }.suffix(3) == ["regular → active", "active → at_risk", "at_risk → dormant"])
        }
    }

    @Test(arguments: Backend.enabled)
    func daysFollowEveryChangeOfAVisitAndOutliveItsPurge(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let lisbon = try await f.makeLocation(name: "Lisbon", timeZone: "Europe/Lisbon")
            let tokyo = try await f.makeLocation(name: "Tokyo", timeZone: "Asia/Tokyo")
            let (desk, dojo) = (try await f.makeResource(at: lisbon, name: "Desk", capacity: 9),
                                try await f.makeResource(at: tokyo, name: "Dojo", capacity: 9))
            let grace = try await f.frontdesk.createMember(f.owner, MemberInput(type: "member", name: "Grace"))
            // 2026-06-01 22:30 UTC: still the 1st in Lisbon, already the 2nd in Tokyo.
            f.clock.advance(by: 22.5 * 3_600)
            let late = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: desk.id, memberID: grace.id,
                                                                                 checkIn: .now))
            let far = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: dojo.id, memberID: grace.id,
                                                                                checkIn: .now))
            f.clock.advance(by: 1_800)
            _ = try await f.frontdesk.checkOut(f.owner, late.id)
            f.clock.advance(by: 1_800)
            var history = try await f.frontdesk.memberAttendanceHistory(f.owner, grace.id)
            #expect(history.map(\.visits) == [2] && history.map(\.days) == [2] && history.map(\.minutes) == [30])
            // Checked out: its minutes join the day's; deleted: the visit leaves its day.
            _ = try await f.frontdesk.checkOut(f.owner, far.id)
            history = try await f.frontdesk.memberAttendanceHistory(f.owner, grace.id)
            #expect(history.map(\.minutes) == [90])
            try await f.frontdesk.deleteCheckin(f.owner, far.id)
            history = try await f.frontdesk.memberAttendanceHistory(f.owner, grace.id)
            #expect(history.map(\.visits) == [1] && history.map(\.days) == [1])

            // Retention: a day's worth kept; the visit goes, its day stays.
            _ = try await f.frontdesk.updateAttendanceSettings(f.owner, AttendanceSettingsPatch(visitRetentionDays: 1))
            f.clock.advance(by: 2 * Self.day)
            #expect(try await f.frontdesk.purgeVisits() == 1)
            #expect(try await f.allCheckins().isEmpty)
            let stats = try await f.frontdesk.memberAttendance(f.owner, grace.id)
            #expect(stats.totalVisits == 1 && stats.averageMinutes == 30)
            await expectError("validation_failed") {
                try await f.frontdesk.updateAttendanceSettings(f.owner, AttendanceSettingsPatch(visitRetentionDays: -1))
            }
        }
    }
}

extension AttendanceNewsConformanceTests {
    /// Lisbon leaves summer time on 2026-10-25: a member visiting at half past midnight every night
    /// comes on six local days in a row, though on UTC's clock one day has no visit and the
    /// first visit, from 23:30 to 00:20, spans midnight (it counts for the day it began).
    @Test(arguments: Backend.enabled)
    func aStreakRunsOverLocalDaysAcrossADaylightSavingChange(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let lisbon = TimeZone(identifier: "Europe/Lisbon")!
            let gym = try await f.makeResource(at: try await f.makeLocation(name: "Gym", timeZone: "Europe/Lisbon"),
                                               name: "Floor", capacity: 50)
            let ada = try await f.frontdesk.createMember(f.owner, MemberInput(type: "member", name: "Ada"))
            func visit(from start: Date, minutes: Double) async throws {
                f.clock.advance(by: start.timeIntervalSince(f.now))
                let made = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: gym.id, memberID: ada.id,
                                                                                     checkIn: .now))
                f.clock.advance(by: minutes * 60)
                _ = try await f.frontdesk.checkOut(f.owner, made.id)
            }
            let first = LocalDate("2026-10-22")!
            try await visit(from: first.instant(at: LocalTime("23:30")!, in: lisbon), minutes: 50)
            for night in 1...5 {
                try await visit(from: first.adding(days: night).instant(at: LocalTime("00:30")!, in: lisbon), minutes: 60)
            }
            let stats = try await f.frontdesk.memberAttendance(f.owner, ada.id)
            #expect(stats.totalVisits == 6 && stats.uniqueDays == 6 && stats.currentStreak == 6 && stats.longestStreak == 6)
            #expect(stats.lastVisitDay == LocalDate("2026-10-27") && stats.favoriteTimeSlot == .night)
            let months = try await f.frontdesk.memberAttendanceHistory(f.owner, ada.id)
            #expect(months.map(\.month) == ["2026-10"] && months.map(\.minutes) == [350])
        }
    }

    @Test(arguments: Backend.enabled)
    func anOlderDatabasesVisitsAreAddedUpWhenItMigrates(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await f.makeResource(at: try await f.makeLocation(name: "Gym", timeZone: "Asia/Tokyo"),
                                               name: "Floor", capacity: 50)
            let ada = try await f.frontdesk.createMember(f.owner, MemberInput(type: "member", name: "Ada"))
            f.clock.advance(by: 20 * 3_600)  // 05:00 in Tokyo, the 2nd
            for _ in 0..<3 { try await Self.visitToday(f, f.frontdesk, ada, gym) }
            _ = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: gym.id, memberID: ada.id, checkIn: .now))
            let before = try await f.frontdesk.memberAttendance(f.owner, ada.id)
            #expect(before.totalVisits == 4 && before.currentStreak == 4 && before.favoriteTimeSlot == .morning)

            for statement in ["DROP TABLE member_days", "DROP TABLE member_tallies", "DROP INDEX scan_nonces_by_age",
                              "DELETE FROM schema_migrations WHERE version = '0028_member_days'"] {
                try await backend.execute(statement, in: f.test)
            }
            try await f.store.migrate()
            #expect(try await f.frontdesk.memberAttendance(f.owner, ada.id) == before)
            #expect(try await f.frontdesk.announceAttendance() == 1)
        }
    }
}

/// Writes down what attendance announces to plugins.
private final class Heard: FrontdeskPlugin {
    let seen = Mutex<[String]>([])

    func after(_ transition: Transition, by caller: Caller) async throws {
        switch transition {
        case .streakMilestone(_, let days): seen.withLock { $0.append("milestone \(days)") }
        case .engagementChanged(_, let change):
            seen.withLock { $0.append("\(change.from?.rawValue ?? "none") → \(change.to.rawValue)") }
        default: break
        }
    }
}
