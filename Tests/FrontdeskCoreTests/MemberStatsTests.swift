import Foundation
import FrontdeskCore
import Testing

/// A member's statistics from their visits: streaks over local days (scheduled days only, for a
/// scheduled member), milestones, engagement, loyalty, time slot and length.
@Suite struct MemberStatsTests {
    static func day(_ text: String) -> LocalDate { LocalDate(text)! }

    static func visits(_ days: [String], at minute: Int = 18 * 60, worked: Int? = 60) -> [MemberDay] {
        MemberDay.tally(days.map { VisitSummary(day: day($0), startMinute: minute, workedMinutes: worked) })
    }

    @Test func streaksRunOverConsecutiveDays() {
        let days = ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-05", "2026-03-06"]
        let stats = MemberStats(days: Self.visits(days) + Self.visits(["2026-03-06"], worked: 120), today: Self.day("2026-03-07"))
        #expect(stats.totalVisits == 6 && stats.uniqueDays == 5 && stats.visitsThisMonth == 6)
        #expect(stats.longestStreak == 3 && stats.currentStreak == 2)  // yesterday counts until today ends
        #expect(stats.averageMinutes == 70 && stats.favoriteTimeSlot == .evening)
        #expect(MemberStats(days: Self.visits(days), today: Self.day("2026-03-08")).currentStreak == 0)
        #expect(stats.milestones.isEmpty && stats.engagement == .regular)
    }

    @Test func aScheduledMembersDaysOffNeitherBreakNorExtendAStreak() {
        let weekdays = Schedule(days: [.mon, .tue, .wed, .thu, .fri], start: LocalTime("09:00")!, end: LocalTime("17:00")!)
        // Monday 2026-03-02 to Friday 03-13, weekends off; a Saturday visit is not a streak day.
        let days = (0..<12).map { Self.day("2026-03-02").adding(days: $0) }.filter { $0.weekday < 5 }.map(\.description)
        let stats = MemberStats(days: Self.visits(days + ["2026-03-07"], at: 9 * 60), today: Self.day("2026-03-16"),
                                schedule: weekdays)
        #expect(stats.longestStreak == 10 && stats.currentStreak == 10 && stats.milestones == [7])
        #expect(stats.favoriteTimeSlot == .morning)
        #expect(MemberStats(days: Self.visits(days), today: Self.day("2026-03-17"), schedule: weekdays).currentStreak == 0)
    }

    @Test func engagementFollowsRecentVisits() {
        let today = Self.day("2026-06-30")
        func engagement(_ count: Int, endingDaysAgo gap: Int = 0) -> MemberStats.Engagement {
            let days = (0..<count).map { today.adding(days: -gap - $0 * 2).description }
            return MemberStats(days: Self.visits(days), today: today).engagement
        }
        #expect(engagement(12) == .highlyActive && engagement(8) == .active && engagement(4) == .regular)
        #expect(engagement(1) == .occasional && engagement(0) == .dormant)
        #expect(engagement(3, endingDaysAgo: 14) == .atRisk && engagement(3, endingDaysAgo: 30) == .dormant)
    }

    @Test func loyaltyWeighsVisitsStreakConsistencyAndTenure() {
        let today = Self.day("2026-06-30")
        let daily = (0..<365).map { today.adding(days: -$0).description }
        let devoted = MemberStats(days: Self.visits(daily), today: today)
        #expect(devoted.loyaltyScore == 100 && devoted.milestones == MemberStats.milestoneDays)
        #expect(MemberStats(days: [], today: today).loyaltyScore == 0)
        let once = MemberStats(days: Self.visits([today.description]), today: today)
        // 40 × 1/36 + 30 × 1/30 + 20 × 1/12: 1.1 + 1 + 1.7, rounded.
        #expect(once.loyaltyScore == 4 && once.currentStreak == 1)
    }
}
