import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

/// Members' days (`MemberDay`, migration 0028): moved in each visit's transaction, read by
/// statistics, history and the dashboard; and the tallies the sweeper evaluates.
extension SQLiteStore {
    public func memberDays(_ organizationID: UUID, member memberID: UUID) async throws -> MemberDays {
        let days = try await read { db in try Self.memberDays(organizationID, memberID, db) }
        guard let days else { throw FrontdeskError.notFound(entity: Member.entityName, id: memberID.text) }
        return days
    }

    /// A live member's days, nil for no such member.
    static func memberDays(_ organizationID: UUID, _ memberID: UUID, _ db: Database) throws -> MemberDays? {
        // The member, their organization's settings and zone, and their last visit's location's zone.
        let columns = Int32(Member.columnNames.count)
        let head = try db.cachedRow(sql: """
            SELECT \(Member.columnNames.map { "m." + $0 }.joined(separator: ", ")), o.attendance_settings, o.timezone,
                   (SELECT l.timezone FROM member_days d INDEXED BY member_days_by_member JOIN locations l ON l.id = d.location_id
                    WHERE d.member_id = m.id AND d.visits > 0 ORDER BY d.day DESC LIMIT 1)
            FROM members m JOIN organizations o ON o.id = m.organization_id
            WHERE m.organization_id = ? AND m.id = ? AND m.deleted_at IS NULL
            """, arguments: [organizationID.text, memberID.text]) { row in
            (member: try Member(reading: row), settings: try AttendanceSettings(stored: row.text(columns)),
             zone: Location.zone(row.optionalText(columns + 2), else: TimeZone(identifier: row.text(columns + 1)) ?? .gmt))
        }
        guard let head else { return nil }
        let days = try db.cachedRows(sql: """
            SELECT \(MemberDay.figures) FROM member_days INDEXED BY member_days_by_member
            WHERE member_id = ? AND visits > 0 ORDER BY day
            """, arguments: [memberID.text]) { row in try MemberDay(row: row, day: row.text(8)) }
        return MemberDays(member: head.member, days: days, zone: head.zone, settings: head.settings)
    }

    public func attendanceDashboard(
        _ organizationID: UUID, days: ClosedRange<LocalDate>, at locationID: UUID?
    ) async throws -> AttendanceDashboard {
        try await read { db in
            let period = "organization_id = ?1 AND day >= ?2 AND day <= ?3 AND visits > 0 AND (?4 IS NULL OR location_id = ?4)"
            let arguments: [(any DatabaseValueConvertible)?] = [organizationID.text, days.lowerBound.description, days.upperBound.description,
                                                 locationID?.text]
            let daily = try db.rows("""
                SELECT \(MemberDay.sums), count(DISTINCT member_id), day FROM member_days WHERE \(period)
                GROUP BY day ORDER BY day
                """, arguments) { row in try AttendanceDashboard.Day(row: row) }
            // The members of the period, each once (how many: `members`), the top ones named.
            var unique = 0
            let top = try db.rows("""
                SELECT t.member_id, m.name, t.visits, t.last, count(*) OVER () AS members FROM (
                    SELECT member_id, sum(visits) AS visits, max(day) AS last FROM member_days WHERE \(period) GROUP BY member_id
                ) t JOIN members m ON m.id = t.member_id
                ORDER BY t.visits DESC, m.name LIMIT \(AttendanceDashboard.topCount)
                """, arguments) { row in
                unique = row.int(4)
                return try AttendanceDashboard.MemberCount(row: row)
            }
            // The members who ever came (there): their tallies, as last evaluated.
            let came = """
                FROM member_tallies t JOIN members m ON m.id = t.member_id AND m.deleted_at IS NULL
                WHERE t.organization_id = ?1 AND t.engagement IS NOT NULL AND (?2 IS NULL OR EXISTS (
                    SELECT 1 FROM member_days d INDEXED BY member_days_by_member WHERE d.member_id = t.member_id AND d.location_id = ?2))
                """
            let engagement = try db.rows("SELECT t.engagement, count(*) \(came) GROUP BY t.engagement",
                                         [organizationID.text, locationID?.text]) { row in
                (try row.enumeration(0, "member_tallies.engagement") as MemberStats.Engagement, row.int(1))
            }
            let atRisk = try db.rows("""
                SELECT t.member_id, m.name,
                       (SELECT sum(visits) FROM member_days d INDEXED BY member_days_by_member WHERE d.member_id = t.member_id),
                       (SELECT max(day) FROM member_days d INDEXED BY member_days_by_member WHERE d.member_id = t.member_id
                                                                                             AND d.visits > 0) AS last
                \(came) AND t.engagement = 'at_risk' ORDER BY last, m.name LIMIT \(AttendanceDashboard.atRiskCount)
                """, [organizationID.text, locationID?.text], AttendanceDashboard.MemberCount.init(row:))
            return AttendanceDashboard(daily: daily, uniqueMembers: unique, topMembers: top,
                                       engagement: Dictionary(uniqueKeysWithValues: engagement), atRiskMembers: atRisk)
        }
    }

    public func dueTallies(at now: Date, limit: Int) async throws -> [MemberTally] {
        try await read { db in
            let changed = try db.rows("""
                SELECT \(MemberTally.columns) FROM member_tallies INDEXED BY member_tallies_changed WHERE changed > evaluated LIMIT ?
                """, [limit], MemberTally.init(row:))
            let due = try db.rows("""
                SELECT \(MemberTally.columns) FROM member_tallies INDEXED BY member_tallies_due
                WHERE evaluate_at IS NOT NULL AND evaluate_at <= ? AND changed <= evaluated ORDER BY evaluate_at LIMIT ?
                """, [now.millis, limit - changed.count], MemberTally.init(row:))
            return changed + due
        }
    }

    public func keepEvaluation(_ evaluation: TallyEvaluation) async throws -> Bool {
        try await write { db in
            let (tally, was) = (evaluation.tally, evaluation.was)
            try db.run("""
                UPDATE member_tallies SET evaluated = ?, milestones = ?, engagement = ?, evaluate_at = ?
                WHERE member_id = ? AND evaluated = ? AND milestones = ? AND engagement IS ?
                """, [tally.evaluated, tally.milestoneBits, tally.engagement?.rawValue, tally.evaluateAt?.millis,
                      tally.memberID.text, was.evaluated, was.milestoneBits, was.engagement?.rawValue])
            guard db.changesCount == 1 else { return false }
            try self.record(evaluation, db)
            return true
        }
    }

    // MARK: Inside a transaction

    /// Moves the days of the members a checkin's change concerns (`VisitTally`), and marks their
    /// tallies changed.
    static func tally(from previous: Checkin?, to current: Checkin?, _ db: Database) throws {
        guard previous?.memberID != nil || current?.memberID != nil else { return }
        let tallies = try VisitTally.changes(from: previous, to: current) { try zone(of: $0, db) }
        for tally in tallies {
            let change = tally.change
            try db.run("""
                INSERT INTO member_days (organization_id, day, member_id, location_id, visits, minutes, finished, half_days,
                                         morning, afternoon, evening, night)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (organization_id, day, member_id, location_id) DO UPDATE SET
                    visits = visits + excluded.visits, minutes = minutes + excluded.minutes,
                    finished = finished + excluded.finished, half_days = half_days + excluded.half_days,
                    morning = morning + excluded.morning, afternoon = afternoon + excluded.afternoon,
                    evening = evening + excluded.evening, night = night + excluded.night
                """, [tally.organizationID.text, change.day.description, tally.memberID.text, tally.locationID.text,
                      change.visits, change.minutes, change.finished, change.halfDays,
                      change.slots[0], change.slots[1], change.slots[2], change.slots[3]])
        }
        for tally in Set(tallies.map { [$0.organizationID, $0.memberID] }) {
            try db.run("""
                INSERT INTO member_tallies (member_id, organization_id, changed) VALUES (?, ?, 1)
                ON CONFLICT (member_id) DO UPDATE SET changed = changed + 1
                """, [tally[1].text, tally[0].text])
        }
    }

    /// A location's zone, else its organization's.
    static func zone(of locationID: UUID, _ db: Database) throws -> TimeZone {
        let zones = try db.row("""
            SELECT l.timezone, o.timezone FROM locations l JOIN organizations o ON o.id = l.organization_id WHERE l.id = ?
            """, [locationID.text]) { row in (row.optionalText(0), row.text(1)) }
        guard let zones else { throw FrontdeskError.notFound(entity: "location", id: locationID.text) }
        return Location.zone(zones.0, else: TimeZone(identifier: zones.1) ?? .gmt)
    }
}

extension MemberDay {
    /// The figures of a row, in `MemberDay.init(row:day:)`'s order.
    static let figures = "visits, minutes, finished, half_days, morning, afternoon, evening, night, day"
    /// Their sums over rows, in the same order (then what the query adds).
    static let sums = "sum(visits), sum(minutes), sum(finished), sum(half_days), sum(morning), sum(afternoon), sum(evening), sum(night)"

    init(row: some ColumnReader, day: String) throws {
        self.init(day: try LocalDate.parse(day), visits: row.int(0), minutes: row.int(1), finished: row.int(2),
                  workDays: Double(row.int(3)) / 2, slots: (4..<8).map { row.int(Int32($0)) })
    }
}

extension AttendanceDashboard.Day {
    /// A day's row: `MemberDay.sums`, its members counted once, the day.
    init(row: some ColumnReader) throws {
        let day = try MemberDay(row: row, day: row.text(9))
        self.init(day: day.day, visits: day.visits, members: row.int(8), minutes: day.minutes, workDays: day.workDays,
                  slots: day.slots)
    }
}

extension AttendanceDashboard.MemberCount {
    /// A row of member id, name, visits and last day.
    init(row: some ColumnReader) throws {
        self.init(memberID: row.uuid(0), name: row.text(1), visits: row.int(2), lastVisitDay: try LocalDate.parse(row.text(3)))
    }
}

extension MemberTally {
    static let columns = "organization_id, member_id, changed, evaluated, milestones, engagement, evaluate_at"

    init(row: some ColumnReader) throws {
        self.init(organizationID: row.uuid(0), memberID: row.uuid(1), changed: row.int64(2), evaluated: row.int64(3),
                  milestones: MemberTally.milestones(bits: row.int(4)),
                  engagement: try row.optionalText(5).map { _ in try row.enumeration(5, "member_tallies.engagement") },
                  evaluateAt: row.optionalInt64(6).map(Date.init(millis:)))
    }
}
