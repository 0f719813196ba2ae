import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

/// Members' days (`MemberDay`, migration 0028): moved in each visit's statement, read by
/// statistics, history and the dashboard; and the tallies the sweeper evaluates.
extension PostgresStore {
    public func memberDays(_ organizationID: UUID, member memberID: UUID) async throws -> MemberDays {
        // The member, their organization's settings and zone, and their last visit's location's zone.
        let head = try await query("""
            SELECT m.*, o.attendance_settings, o.timezone AS organization_zone,
                   (SELECT l.timezone FROM member_days d JOIN locations l ON l.id = d.location_id
                    WHERE d.member_id = m.id AND d.visits > 0 ORDER BY d.day DESC LIMIT 1) AS last_zone
            FROM members m JOIN organizations o ON o.id = m.organization_id
            WHERE m.organization_id = \(organizationID) AND m.id = \(memberID) AND m.deleted_at IS NULL
            """).first
        guard let head else { throw FrontdeskError.notFound(entity: Member.entityName, id: memberID.text) }
        let days = try await query("""
            SELECT \(raw: MemberDay.figures) FROM member_days WHERE member_id = \(memberID) AND visits > 0 ORDER BY day
            """).map(MemberDay.init(row:))
        return MemberDays(
            member: try Member(row: head), days: days,
            zone: Location.zone(try head.value("last_zone"),
                                else: TimeZone(identifier: try head.value("organization_zone")) ?? .gmt),
            settings: try AttendanceSettings(stored: try head.value("attendance_settings")))
    }

    public func attendanceDashboard(
        _ organizationID: UUID, days: ClosedRange<LocalDate>, at locationID: UUID?
    ) async throws -> AttendanceDashboard {
        let place: SQL = locationID.map { "AND location_id = \($0)" } ?? ""
        let period: SQL = """
            organization_id = \(organizationID) AND day >= \(days.lowerBound.description) AND day <= \(days.upperBound.description)
            AND visits > 0 \(place)
            """
        return try await transaction { connection in
            let daily = try await connection.rows("""
                SELECT \(raw: MemberDay.sums), day, count(DISTINCT member_id)::int AS members FROM member_days WHERE \(period)
                GROUP BY day ORDER BY day
                """, logger: self.logger).map { row in
                let day = try MemberDay(row: row)
                return AttendanceDashboard.Day(day: day.day, visits: day.visits, members: try row.value("members"),
                                               minutes: day.minutes, workDays: day.workDays, slots: day.slots)
            }
            // The members of the period, each once (how many: `members`), the top ones named.
            let topRows = try await connection.rows("""
                SELECT t.member_id, m.name, t.visits, t.last, count(*) OVER ()::int AS members FROM (
                    SELECT member_id, sum(visits)::int AS visits, max(day) AS last FROM member_days WHERE \(period) GROUP BY member_id
                ) t JOIN members m ON m.id = t.member_id
                ORDER BY t.visits DESC, m.name LIMIT \(AttendanceDashboard.topCount)
                """, logger: self.logger)
            let unique: Int = try topRows.first?.value("members") ?? 0
            let top = try topRows.map(AttendanceDashboard.MemberCount.init(row:))
            // The members who ever came (there): their tallies, as last evaluated.
            let there: SQL = locationID.map {
                "AND EXISTS (SELECT 1 FROM member_days d WHERE d.member_id = t.member_id AND d.location_id = \($0))"
            } ?? ""
            let came: SQL = """
                FROM member_tallies t JOIN members m ON m.id = t.member_id AND m.deleted_at IS NULL
                WHERE t.organization_id = \(organizationID) AND t.engagement IS NOT NULL \(there)
                """
            let engagement = try await connection.rows("SELECT t.engagement, count(*)::int AS n \(came) GROUP BY t.engagement",
                                                       logger: self.logger).map { row in
                (try MemberStats.Engagement(stored: try row.value("engagement"), column: "member_tallies.engagement"),
                 try row.value("n", as: Int.self))
            }
            let atRisk = try await connection.rows("""
                SELECT t.member_id, m.name,
                       (SELECT sum(visits)::int FROM member_days d WHERE d.member_id = t.member_id) AS visits,
                       (SELECT max(day) FROM member_days d WHERE d.member_id = t.member_id AND d.visits > 0) AS last
                \(came) AND t.engagement = 'at_risk' ORDER BY last, m.name LIMIT \(AttendanceDashboard.atRiskCount)
                """, logger: self.logger).map(AttendanceDashboard.MemberCount.init(row:))
            return AttendanceDashboard(daily: daily, uniqueMembers: unique, topMembers: top,
                                       engagement: Dictionary(uniqueKeysWithValues: engagement), atRiskMembers: atRisk)
        }
    }

    public func dueTallies(at now: Date, limit: Int) async throws -> [MemberTally] {
        let changed = try await query("""
            SELECT \(raw: MemberTally.columns) FROM member_tallies WHERE changed > evaluated LIMIT \(limit)
            """).map(MemberTally.init(row:))
        let due = try await query("""
            SELECT \(raw: MemberTally.columns) FROM member_tallies
            WHERE evaluate_at IS NOT NULL AND evaluate_at <= \(now) AND changed <= evaluated ORDER BY evaluate_at LIMIT \(limit - changed.count)
            """).map(MemberTally.init(row:))
        return changed + due
    }

    public func keepEvaluation(_ evaluation: TallyEvaluation) async throws -> Bool {
        let (tally, was) = (evaluation.tally, evaluation.was)
        return try await recording(tally.organizationID) { connection in
            let kept = try await connection.rows("""
                UPDATE member_tallies SET evaluated = \(tally.evaluated), milestones = \(tally.milestoneBits),
                    engagement = \(tally.engagement?.rawValue), evaluate_at = \(tally.evaluateAt)
                WHERE member_id = \(tally.memberID) AND evaluated = \(was.evaluated) AND milestones = \(was.milestoneBits)
                  AND engagement IS NOT DISTINCT FROM \(was.engagement?.rawValue)::text
                RETURNING 1
                """, logger: self.logger)
            guard !kept.isEmpty else { return false }
            if !evaluation.audits.isEmpty {
                try await connection.run("WITH \(Self.record(evaluation))", logger: self.logger)
            }
            return true
        }
    }

    // MARK: Inside a transaction

    /// `tallies(_:)` of checkins written (inserted or changed).
    func tallies(of changes: [CheckinChange], _ organizationID: UUID, _ connection: PostgresConnection) async throws -> SQL {
        try await tallies(changes.map { ($0.previous, $0.checkin) }, organizationID, connection)
    }

    /// CTEs that move the days of the members the checkins' changes concern (`VisitTally`), from
    /// what each was (nil: new) to what it is (nil: deleted), and mark their tallies changed;
    /// each followed by a comma. Reads the zones of the visits' locations first.
    func tallies(_ changes: [(previous: Checkin?, current: Checkin?)], _ organizationID: UUID,
                 _ connection: PostgresConnection) async throws -> SQL {
        let visits = changes.flatMap { [$0.previous, $0.current] }.compactMap { $0 }.filter { $0.memberID != nil }
        guard !visits.isEmpty else { return "" }
        let zones = try await self.zones(of: Array(Set(visits.map(\.locationID))), organizationID, connection)
        return Self.moving(VisitTally.merged(changes.flatMap { change in
            VisitTally.changes(from: change.previous, to: change.current) { zones[$0] ?? zones.organization }
        }))
    }

    /// CTEs that add `tallies` (one a row) to members' days and mark their tallies changed, each
    /// followed by a comma.
    static func moving(_ tallies: [VisitTally]) -> SQL {
        guard !tallies.isEmpty else { return "" }
        let days = SQL(joining: tallies.map { tally -> SQL in
            let change = tally.change
            return """
                (\(tally.organizationID), \(change.day.description), \(tally.memberID), \(tally.locationID), \(change.visits),
                 \(change.minutes), \(change.finished), \(change.halfDays), \(change.slots[0]), \(change.slots[1]),
                 \(change.slots[2]), \(change.slots[3]))
                """
        }, separator: ", ")
        let members = SQL(joining: Set(tallies.map { [$0.memberID, $0.organizationID] }).map { "(\($0[0]), \($0[1]), 1)" },
                          separator: ", ")
        return """
            member_days_moved AS (
                INSERT INTO member_days AS d (organization_id, day, member_id, location_id, visits, minutes, finished, half_days,
                                              morning, afternoon, evening, night)
                VALUES \(days)
                ON CONFLICT (organization_id, day, member_id, location_id) DO UPDATE SET
                    visits = d.visits + excluded.visits, minutes = d.minutes + excluded.minutes,
                    finished = d.finished + excluded.finished, half_days = d.half_days + excluded.half_days,
                    morning = d.morning + excluded.morning, afternoon = d.afternoon + excluded.afternoon,
                    evening = d.evening + excluded.evening, night = d.night + excluded.night),
            member_tallies_changed AS (
                INSERT INTO member_tallies AS t (member_id, organization_id, changed) VALUES \(members)
                ON CONFLICT (member_id) DO UPDATE SET changed = t.changed + 1),
            """
    }

    /// The zones of an organization's locations named, and its own.
    private func zones(of locationIDs: [UUID], _ organizationID: UUID, _ connection: PostgresConnection) async throws -> Zones {
        let organization: String = try await connection.rows("SELECT timezone FROM organizations WHERE id = \(organizationID)",
                                                             logger: logger).first?.value("timezone") ?? "UTC"
        var zones = Zones(organization: TimeZone(identifier: organization) ?? .gmt)
        guard !locationIDs.isEmpty else { return zones }
        for row in try await connection.rows("SELECT id, timezone FROM locations WHERE id = ANY(\(locationIDs))", logger: logger) {
            zones.byLocation[try row.value("id")] = Location.zone(try row.value("timezone"), else: zones.organization)
        }
        return zones
    }
}

/// The zones a write's visits are read in: each location's, else the organization's.
private struct Zones {
    var organization: TimeZone
    var byLocation: [UUID: TimeZone] = [:]

    subscript(_ locationID: UUID) -> TimeZone? { byLocation[locationID] }
}

extension MemberDay {
    /// The figures of a row, in the order `init(row:)` reads them.
    static let figures = "visits, minutes, finished, half_days, morning, afternoon, evening, night, day"
    /// Their sums over rows, named alike and in the same order (a query puts `day` after them).
    static let sums = """
        sum(visits)::int AS visits, sum(minutes)::int AS minutes, sum(finished)::int AS finished,
        sum(half_days)::int AS half_days, sum(morning)::int AS morning, sum(afternoon)::int AS afternoon,
        sum(evening)::int AS evening, sum(night)::int AS night
        """

    /// Reads the figures by position, in `figures`' order (`day` ninth, as in `sums` then `day`):
    /// by name, the lookups were a fifth of the server's CPU on a member's statistics (a row for
    /// each day they came).
    init(row: PostgresRandomAccessRow) throws {
        func int(_ index: Int) throws -> Int { try row[index].decode(Int.self) }
        self.init(day: try LocalDate.parse(try row[8].decode(String.self)), visits: try int(0), minutes: try int(1),
                  finished: try int(2), workDays: Double(try int(3)) / 2,
                  slots: [try int(4), try int(5), try int(6), try int(7)])
    }
}

extension AttendanceDashboard.MemberCount {
    init(row: PostgresRandomAccessRow) throws {
        self.init(memberID: try row.value("member_id"), name: try row.value("name"), visits: try row.value("visits"),
                  lastVisitDay: try LocalDate.parse(try row.value("last")))
    }
}

extension MemberTally {
    static let columns = "organization_id, member_id, changed, evaluated, milestones, engagement, evaluate_at"

    init(row: PostgresRandomAccessRow) throws {
        self.init(organizationID: try row.value("organization_id"), memberID: try row.value("member_id"),
                  changed: try row.value("changed"), evaluated: try row.value("evaluated"),
                  milestones: MemberTally.milestones(bits: try row.value("milestones")),
                  engagement: try row.value("engagement", as: String?.self).map {
                      try MemberStats.Engagement(stored: $0, column: "member_tallies.engagement")
                  },
                  evaluateAt: try row.value("evaluate_at", as: Instant?.self)?.date)
    }
}
