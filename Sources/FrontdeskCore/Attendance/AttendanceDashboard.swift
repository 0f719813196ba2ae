import Foundation

/// A member's visit as the dashboard reads it.
public struct DashboardVisit: Sendable, Hashable {
    public var memberID: UUID
    public var memberName: String
    public var summary: VisitSummary

    public init(memberID: UUID, memberName: String, summary: VisitSummary) {
        self.memberID = memberID
        self.memberName = memberName
        self.summary = summary
    }
}

/// What a period of attendance looked like: its totals, each day's, when in the day people came,
/// how engaged the members are at its end, the most regular, and who is drifting away.
public struct AttendanceDashboard: Sendable, Hashable {
    public struct Day: Sendable, Hashable {
        public var day: LocalDate
        public var visits: Int
        public var members: Int
    }

    public struct MemberCount: Sendable, Hashable {
        public var memberID: UUID
        public var name: String
        public var visits: Int
        public var lastVisitDay: LocalDate
    }

    /// How far back engagement looks from the period's last day (`MemberStats`'s rules need 30
    /// days, and a member last seen 30 days ago or more is dormant).
    public static let engagementDays = 90
    public static let topCount = 10

    public var totalVisits: Int
    public var uniqueMembers: Int
    public var visitMinutes: Int
    public var workDays: Double
    public var daily: [Day]
    public var timeSlots: [MemberStats.TimeSlot: Int]
    public var engagement: [MemberStats.Engagement: Int]
    public var topMembers: [MemberCount]
    public var atRiskMembers: [MemberCount]

    /// The dashboard of `days` (the period's local days, first to last) from `visits`: those of
    /// the period and of the `engagementDays` before its last day.
    public init(visits: [DashboardVisit], days: ClosedRange<LocalDate>) {
        let inPeriod = visits.filter { days.contains($0.summary.day) }
        totalVisits = inPeriod.count
        uniqueMembers = Set(inPeriod.map(\.memberID)).count
        visitMinutes = inPeriod.compactMap(\.summary.workedMinutes).reduce(0, +)
        workDays = inPeriod.map(\.summary.workDays).reduce(0, +)
        daily = Dictionary(grouping: inPeriod, by: \.summary.day).map { day, visits in
            Day(day: day, visits: visits.count, members: Set(visits.map(\.memberID)).count)
        }.sorted { $0.day < $1.day }
        timeSlots = Dictionary(grouping: inPeriod) { MemberStats.TimeSlot(minute: $0.summary.startMinute) }.mapValues(\.count)

        let today = days.upperBound
        let recent = visits.filter { $0.summary.day <= today && $0.summary.day.days(until: today) < Self.engagementDays }
        let byMember = Dictionary(grouping: recent, by: \.memberID)
        var engagement: [MemberStats.Engagement: Int] = [:]
        var atRisk: [MemberCount] = []
        for (memberID, visits) in byMember {
            let stats = MemberStats(visits: visits.map(\.summary), today: today)
            engagement[stats.engagement, default: 0] += 1
            if stats.engagement == .atRisk, let last = stats.lastVisitDay {
                atRisk.append(MemberCount(memberID: memberID, name: visits[0].memberName, visits: visits.count, lastVisitDay: last))
            }
        }
        self.engagement = engagement
        atRiskMembers = atRisk.sorted { ($0.lastVisitDay, $0.name) < ($1.lastVisitDay, $1.name) }
        topMembers = Dictionary(grouping: inPeriod, by: \.memberID).map { memberID, visits in
            MemberCount(memberID: memberID, name: visits[0].memberName, visits: visits.count,
                        lastVisitDay: visits.map(\.summary.day).max()!)
        }.sorted { ($1.visits, $0.name) < ($0.visits, $1.name) }.prefix(Self.topCount).map { $0 }
    }
}
