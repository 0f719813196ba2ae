import Foundation

/// What a member's visits of one local day add up to: the aggregate statistics, history and the
/// dashboard read instead of the visits. Stores keep one per member, location and day
/// (`member_days`), changed in the transaction of each visit's change (`VisitTally`), and keep it
/// when retention purges the visits.
public struct MemberDay: Sendable, Hashable {
    public var day: LocalDate
    public var visits: Int
    /// The minutes of the finished visits, and how many finished.
    public var minutes: Int
    public var finished: Int
    public var workDays: Double
    /// Visits begun in each time slot, in `MemberStats.TimeSlot.allCases` order.
    public var slots: [Int]

    public init(day: LocalDate, visits: Int = 0, minutes: Int = 0, finished: Int = 0, workDays: Double = 0,
                slots: [Int] = [0, 0, 0, 0]) {
        self.day = day
        self.visits = visits
        self.minutes = minutes
        self.finished = finished
        self.workDays = workDays
        self.slots = slots
    }

    /// One visit's part.
    public init(_ visit: VisitSummary) {
        var slots = [0, 0, 0, 0]
        slots[MemberStats.TimeSlot(minute: visit.startMinute).index] = 1
        self.init(day: visit.day, visits: 1, minutes: visit.workedMinutes ?? 0, finished: visit.workedMinutes == nil ? 0 : 1,
                  workDays: visit.workDays, slots: slots)
    }

    /// `visits` as days, oldest first.
    public static func tally(_ visits: [VisitSummary]) -> [MemberDay] {
        Dictionary(grouping: visits, by: \.day).values.map { visits in sum(visits.map(MemberDay.init)) }
            .sorted { $0.day < $1.day }
    }

    /// The sum of parts of one day, at least one.
    static func sum(_ parts: [MemberDay]) -> MemberDay {
        parts.dropFirst().reduce(parts[0], +)
    }

    /// The sum of two parts of one day.
    public static func + (a: MemberDay, b: MemberDay) -> MemberDay {
        let slots: [Int] = zip(a.slots, b.slots).map { $0 + $1 }
        let workDays: Double = a.workDays + b.workDays
        return MemberDay(day: a.day, visits: a.visits + b.visits, minutes: a.minutes + b.minutes,
                         finished: a.finished + b.finished, workDays: workDays, slots: slots)
    }

    public static prefix func - (a: MemberDay) -> MemberDay {
        MemberDay(day: a.day, visits: -a.visits, minutes: -a.minutes, finished: -a.finished, workDays: -a.workDays,
                  slots: a.slots.map(-))
    }

    /// Its work days in halves, as stores keep them.
    public var halfDays: Int { Int((workDays * 2).rounded()) }

    /// Adds nothing.
    public var isZero: Bool { visits == 0 && minutes == 0 && finished == 0 && workDays == 0 && slots.allSatisfy { $0 == 0 } }
}

/// How one change of a checkin moves its member's days: the store adds each to the row of its
/// member, location and day (`member_days`) in the change's transaction.
public struct VisitTally: Sendable, Hashable {
    public var organizationID: UUID
    public var memberID: UUID
    public var locationID: UUID
    public var change: MemberDay

    public init(organizationID: UUID, memberID: UUID, locationID: UUID, change: MemberDay) {
        self.organizationID = organizationID
        self.memberID = memberID
        self.locationID = locationID
        self.change = change
    }

    /// The moves from `previous` (nil: the checkin is new) to `current` (nil: deleted), those
    /// adding nothing left out. A member's visit counts once it has begun, on its day in its
    /// location's zone (`zone(locationID)`, asked only for such visits).
    public static func changes(
        from previous: Checkin?, to current: Checkin?, zone: (UUID) throws -> TimeZone
    ) rethrows -> [VisitTally] {
        func part(_ visit: Checkin?, _ sign: Int) throws -> VisitTally? {
            guard let visit, let memberID = visit.memberID, visit.checkIn != nil else { return nil }
            let day = MemberDay(VisitSummary(visit, in: try zone(visit.locationID)))
            return VisitTally(organizationID: visit.organizationID, memberID: memberID, locationID: visit.locationID,
                              change: sign < 0 ? -day : day)
        }
        return merged([try part(previous, -1), try part(current, 1)].compactMap { $0 })
    }

    /// `tallies` with those of one member, location and day added up, those adding nothing left
    /// out: one write a row.
    public static func merged(_ tallies: [VisitTally]) -> [VisitTally] {
        struct Key: Hashable { var memberID, locationID: UUID, day: LocalDate }
        return Dictionary(grouping: tallies) { Key(memberID: $0.memberID, locationID: $0.locationID, day: $0.change.day) }
            .values.map { same in
                var tally = same[0]
                tally.change = MemberDay.sum(same.map(\.change))
                return tally
            }
            .filter { !$0.change.isZero }
            .sorted { ($0.change.day, $0.locationID.uuidString) < ($1.change.day, $1.locationID.uuidString) }
    }
}
