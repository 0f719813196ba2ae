import Foundation

/// What has been announced of a member's attendance, and when it is to be looked at again. A
/// visit's change marks it changed (`changed` moves, in the visit's transaction); the sweeper
/// evaluates a member changed since, or whose day has turned (`evaluateAt`), and announces what
/// moved (`AttendanceNews`).
public struct MemberTally: Sendable, Hashable {
    public var organizationID: UUID
    public var memberID: UUID
    /// How many changes of the member's days there have been, and how many had been when they
    /// were last evaluated.
    public var changed: Int64
    public var evaluated: Int64
    /// The streak milestones announced, once each.
    public var milestones: [Int]
    /// The engagement announced last; nil before the first evaluation.
    public var engagement: MemberStats.Engagement?
    /// When engagement may next move with no visit (the member's next local midnight); nil for a
    /// dormant member, who stays so until they come again.
    public var evaluateAt: Date?

    public init(organizationID: UUID, memberID: UUID, changed: Int64, evaluated: Int64, milestones: [Int],
                engagement: MemberStats.Engagement?, evaluateAt: Date?) {
        self.organizationID = organizationID
        self.memberID = memberID
        self.changed = changed
        self.evaluated = evaluated
        self.milestones = milestones
        self.engagement = engagement
        self.evaluateAt = evaluateAt
    }

    /// The milestones as a store keeps them: bit i for `MemberStats.milestoneDays[i]`.
    public var milestoneBits: Int {
        MemberStats.milestoneDays.enumerated().filter { milestones.contains($0.element) }.map { 1 << $0.offset }.reduce(0, |)
    }

    public static func milestones(bits: Int) -> [Int] {
        MemberStats.milestoneDays.enumerated().filter { bits & (1 << $0.offset) != 0 }.map(\.element)
    }
}

/// What an evaluation of a member announces: each streak milestone reached for the first time,
/// and their engagement when it moved; with the tally to keep.
public struct AttendanceNews: Sendable, Hashable {
    public struct EngagementChange: Sendable, Hashable {
        public var from: MemberStats.Engagement?
        public var to: MemberStats.Engagement

        /// Its event's data.
        public func data(memberID: UUID) -> some Encodable & Sendable {
            EngagementChanged(memberID: memberID.text, from: from?.rawValue, to: to.rawValue)
        }
    }

    public var milestones: [Int]
    public var engagement: EngagementChange?
    public var tally: MemberTally

    /// `tally` evaluated against the member's `stats` now (`today` and the next local midnight
    /// `nextDay` read in the member's zone).
    public init(_ tally: MemberTally, stats: MemberStats, nextDay: Date) {
        milestones = stats.milestones.filter { !tally.milestones.contains($0) }
        engagement = stats.engagement == tally.engagement ? nil : EngagementChange(from: tally.engagement, to: stats.engagement)
        var next = tally
        next.evaluated = tally.changed
        next.milestones = (tally.milestones + milestones).sorted()
        next.engagement = stats.engagement
        next.evaluateAt = stats.engagement == .dormant ? nil : nextDay
        self.tally = next
    }

    /// The evaluation of a member gone: nothing announced, nothing due until they change again.
    public init(quiet tally: MemberTally) {
        milestones = []
        engagement = nil
        var next = tally
        next.evaluated = tally.changed
        next.evaluateAt = nil
        self.tally = next
    }

    public var isEmpty: Bool { milestones.isEmpty && engagement == nil }

    /// What it announces, as its audit entry keeps it.
    public var announced: Data {
        struct Announced: Encodable {
            var milestones: [Int]
            var engagement: String?
        }
        return Announced(milestones: milestones, engagement: engagement?.to.rawValue).sortedJSON
    }
}

/// A `streak_milestone` event's data.
public struct StreakMilestone: Encodable, Sendable {
    public var memberID: String
    public var days: Int

    public init(memberID: UUID, days: Int) {
        self.memberID = memberID.text
        self.days = days
    }

    enum CodingKeys: String, CodingKey {
        case memberID = "member_id", days
    }
}

/// An `engagement_changed` event's data.
struct EngagementChanged: Encodable, Sendable {
    var memberID: String
    var from: String?
    var to: String

    enum CodingKeys: String, CodingKey {
        case memberID = "member_id", from, to
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(memberID, forKey: .memberID)
        try container.encode(from, forKey: .from)  // null for a member's first
        try container.encode(to, forKey: .to)
    }
}
