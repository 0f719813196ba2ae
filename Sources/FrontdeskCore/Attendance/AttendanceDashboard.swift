import Foundation

/// What a period of attendance looked like: its totals, each day's, when in the day people came,
/// how engaged the members who came are now, the most regular, and who is drifting away. Stores
/// add it up from the members' days (`MemberDay`) and their evaluated engagement (`MemberTally`),
/// never from the visits.
public struct AttendanceDashboard: Sendable, Hashable {
    public struct Day: Sendable, Hashable {
        public var day: LocalDate
        public var visits: Int
        public var members: Int
        public var minutes: Int
        public var workDays: Double
        /// Visits begun in each time slot, in `MemberStats.TimeSlot.allCases` order.
        public var slots: [Int]

        public init(day: LocalDate, visits: Int, members: Int, minutes: Int, workDays: Double, slots: [Int]) {
            self.day = day
            self.visits = visits
            self.members = members
            self.minutes = minutes
            self.workDays = workDays
            self.slots = slots
        }
    }

    public struct MemberCount: Sendable, Hashable {
        public var memberID: UUID
        public var name: String
        public var visits: Int
        public var lastVisitDay: LocalDate

        public init(memberID: UUID, name: String, visits: Int, lastVisitDay: LocalDate) {
            self.memberID = memberID
            self.name = name
            self.visits = visits
            self.lastVisitDay = lastVisitDay
        }
    }

    public static let topCount = 10
    /// The at-risk members listed, those gone longest first.
    public static let atRiskCount = 50

    public var totalVisits: Int
    public var uniqueMembers: Int
    public var visitMinutes: Int
    public var workDays: Double
    public var daily: [Day]
    public var timeSlots: [MemberStats.TimeSlot: Int]
    public var engagement: [MemberStats.Engagement: Int]
    public var topMembers: [MemberCount]
    public var atRiskMembers: [MemberCount]

    /// The dashboard of a period from its `daily` figures (oldest first), its members counted once
    /// (`uniqueMembers`), its `topMembers`, and the engagement now of the members who came.
    public init(daily: [Day], uniqueMembers: Int, topMembers: [MemberCount],
                engagement: [MemberStats.Engagement: Int], atRiskMembers: [MemberCount]) {
        self.daily = daily
        self.uniqueMembers = uniqueMembers
        totalVisits = daily.map(\.visits).reduce(0, +)
        visitMinutes = daily.map(\.minutes).reduce(0, +)
        workDays = daily.map(\.workDays).reduce(0, +)
        timeSlots = Dictionary(uniqueKeysWithValues: MemberStats.TimeSlot.allCases.map { slot in
            (slot, daily.map { $0.slots[slot.index] }.reduce(0, +))
        }).filter { $0.value > 0 }
        self.engagement = engagement
        self.topMembers = topMembers
        self.atRiskMembers = atRiskMembers
    }
}
