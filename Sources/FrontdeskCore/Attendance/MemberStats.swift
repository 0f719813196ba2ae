import Foundation

/// One visit of a member as their statistics read it: the local day it counts for (its
/// attendance's, else its check-in's in its location's zone), the local minute of the day it began,
/// and how long it lasted once finished.
public struct VisitSummary: Sendable, Hashable {
    public var day: LocalDate
    public var startMinute: Int
    public var workedMinutes: Int?
    /// Its work days, once classified (`VisitAttendance.workDays`).
    public var workDays: Double

    public init(day: LocalDate, startMinute: Int, workedMinutes: Int?, workDays: Double = 0) {
        self.day = day
        self.startMinute = startMinute
        self.workedMinutes = workedMinutes
        self.workDays = workDays
    }
}

extension VisitSummary {
    /// The summary of a visit that began, from its stamps and stored attendance, read in its
    /// location's `zone`.
    public init(_ visit: Checkin, in zone: TimeZone) {
        let checkIn = visit.checkIn!  // the stores read visits that began
        self.init(day: visit.attendance?.day ?? LocalDate(checkIn, in: zone), startMinute: LocalTime(checkIn, in: zone).minutes,
                  workedMinutes: visit.attendance?.workedMinutes ?? visit.checkOut.map { Int($0.timeIntervalSince(checkIn) / 60) },
                  workDays: visit.attendance?.workDays ?? 0)
    }
}

/// A member's visits by month: how many, on how many days, their work days and minutes.
public struct MonthOfVisits: Sendable, Hashable {
    /// `YYYY-MM`.
    public var month: String
    public var visits: Int
    public var days: Int
    public var workDays: Double
    public var minutes: Int

    /// The months with visits, oldest first.
    public static func history(_ days: [MemberDay]) -> [MonthOfVisits] {
        Dictionary(grouping: days.filter { $0.visits > 0 }) { String(format: "%04d-%02d", $0.day.year, $0.day.month) }
            .map { month, days in
                let total = MemberDay.sum(days)
                return MonthOfVisits(month: month, visits: total.visits, days: Set(days.map(\.day)).count,
                                     workDays: total.workDays, minutes: total.minutes)
            }
            .sorted { $0.month < $1.month }
    }
}

/// How a member has been attending, from their days (`MemberDay`): counts, streaks of consecutive
/// local days (of scheduled days, for a member with a schedule), the milestones those reached,
/// engagement, a loyalty score, their favourite time of day and how long they stay.
public struct MemberStats: Sendable, Hashable {
    public enum Engagement: String, Sendable, CaseIterable {
        case highlyActive = "highly_active"
        case active, regular, occasional, inactive
        case atRisk = "at_risk"
        case dormant
    }

    public enum TimeSlot: String, Sendable, CaseIterable {
        case morning, afternoon, evening, night

        /// 05:00–12:00 morning, 12:00–17:00 afternoon, 17:00–22:00 evening, else night.
        public init(minute: Int) {
            switch minute / 60 {
            case 5..<12: self = .morning
            case 12..<17: self = .afternoon
            case 17..<22: self = .evening
            default: self = .night
            }
        }

        /// Its place in `allCases` (and in `MemberDay.slots`).
        public var index: Int { Self.allCases.firstIndex(of: self)! }
    }

    public static let milestoneDays = [7, 14, 30, 60, 90, 180, 365]

    public var totalVisits: Int
    public var visitsThisMonth: Int
    public var uniqueDays: Int
    public var currentStreak: Int
    public var longestStreak: Int
    public var milestones: [Int]
    public var engagement: Engagement
    public var loyaltyScore: Int
    public var favoriteTimeSlot: TimeSlot?
    public var averageMinutes: Int?
    public var lastVisitDay: LocalDate?

    /// The statistics of a member's `days` (of every location, in any order) on `today` (the
    /// member's local day now). A schedule's days off neither break nor extend a streak.
    public init(days tallies: [MemberDay], today: LocalDate, schedule: Schedule? = nil) {
        let attended = tallies.filter { $0.visits > 0 }
        let days = Set(attended.map(\.day)).sorted()
        func counts(_ day: LocalDate) -> Bool {
            schedule.map { $0.days.contains(Schedule.Day.allCases[day.weekday]) } ?? true
        }
        func visits(where included: (LocalDate) -> Bool) -> Int {
            attended.filter { included($0.day) }.map(\.visits).reduce(0, +)
        }
        totalVisits = visits { _ in true }
        visitsThisMonth = visits { $0.year == today.year && $0.month == today.month }
        uniqueDays = days.count
        lastVisitDay = days.last

        // Streaks: runs of counted days each with a visit, days off skipped.
        var (longest, run, previous) = (0, 0, LocalDate?.none)
        for day in days where counts(day) {
            let gap = previous.map { Self.countedDays(from: $0, to: day, counts) } ?? 0
            run = gap == 1 ? run + 1 : 1
            longest = max(longest, run)
            previous = day
        }
        // Current: the last run, unless a counted day before today went without a visit.
        let missed = previous.map { Self.countedDays(from: $0, to: today, counts) - (counts(today) && $0 < today ? 1 : 0) }
        currentStreak = missed == 0 ? run : 0
        longestStreak = longest
        milestones = Self.milestoneDays.filter { $0 <= longest }

        let sinceLast = lastVisitDay.map { $0.days(until: today) } ?? Int.max
        let lastThirty = visits { $0.days(until: today) < 30 && $0 <= today }
        engagement = sinceLast >= 30 ? .dormant : sinceLast >= 14 ? .atRisk
            : lastThirty >= 12 ? .highlyActive : lastThirty >= 8 ? .active : lastThirty >= 4 ? .regular
            : lastThirty >= 1 ? .occasional : .inactive

        // Loyalty, 0–100: visits in the last 90 days (40, full at 36), the current streak (30, full
        // at 30 days), consistency: weeks with a visit among the last 12 (20), tenure since the
        // first visit (10, full at a year).
        let lastNinety = visits { $0.days(until: today) < 90 && $0 <= today }
        let weeks = Set(days.map { $0.days(until: today) }.filter { (0..<84).contains($0) }.map { $0 / 7 }).count
        let tenure = days.first.map { $0.days(until: today) } ?? 0
        let score = 40 * min(Double(lastNinety) / 36, 1) + 30 * min(Double(currentStreak) / 30, 1)
            + 20 * Double(weeks) / 12 + 10 * min(Double(tenure) / 365, 1)
        loyaltyScore = Int(score.rounded())

        let slots = TimeSlot.allCases.map { slot in attended.map { $0.slots[slot.index] }.reduce(0, +) }
        favoriteTimeSlot = slots.max().flatMap { most in most > 0 ? TimeSlot.allCases[slots.firstIndex(of: most)!] : nil }
        let finished = attended.map(\.finished).reduce(0, +)
        averageMinutes = finished == 0 ? nil : attended.map(\.minutes).reduce(0, +) / finished
    }

    /// Counted days after `from` up to and including `to`: 1 when `to` is the next counted day.
    private static func countedDays(from: LocalDate, to: LocalDate, _ counts: (LocalDate) -> Bool) -> Int {
        let span = from.days(until: to)
        guard span > 0 else { return 0 }
        return (1...min(span, 3_660)).filter { counts(from.adding(days: $0)) }.count
    }
}
