import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore: AttendanceStore {
    public func insertCode(_ code: MemberCode) async throws {
        try await write { db in
            _ = try Self.require(Member.self, code.organizationID, code.memberID, db)
            if try db.integer("SELECT 1 FROM member_codes WHERE organization_id = ? AND value = ?",
                              [code.organizationID.text, code.value]) != nil {
                throw MemberCode.taken(code.value)
            }
            try db.insert("member_codes", code.columns)
        }
    }

    public func codes(_ organizationID: UUID, member memberID: UUID) async throws -> [MemberCode] {
        try await read { db in
            _ = try Self.require(Member.self, organizationID, memberID, db)
            return try db.rows("""
                SELECT \(MemberCode.selected(as: "member_codes")) FROM member_codes WHERE member_id = ? ORDER BY created_at, id
                """, [memberID.text], MemberCode.init(reading:))
        }
    }

    public func deleteCode(_ organizationID: UUID, member memberID: UUID, _ id: UUID) async throws {
        try await write { db in
            try db.run("DELETE FROM member_codes WHERE organization_id = ? AND member_id = ? AND id = ?",
                       [organizationID.text, memberID.text, id.text])
            if db.changesCount == 0 { throw FrontdeskError.notFound(entity: "code", id: id.text) }
        }
    }

    public func attendanceSettings(_ organizationID: UUID) async throws -> AttendanceSettings {
        try await read { db in try Self.attendanceSettings(organizationID, db) }
    }

    public func updateAttendanceSettings(
        _ organizationID: UUID, _ change: @escaping @Sendable (AttendanceSettings) throws -> AttendanceSettings
    ) async throws -> AttendanceSettings {
        try await write { db in
            let next = try change(try Self.attendanceSettings(organizationID, db))
            try db.run("UPDATE organizations SET attendance_settings = ? WHERE id = ?", [next.stored, organizationID.text])
            return next
        }
    }

    public func scan(
        _ organizationID: UUID, _ request: ScanRequest, nonce: String?, memberDays: Bool,
        decide: @escaping @Sendable (ScanContext) throws -> ScanWrite
    ) async throws -> (write: ScanWrite, memberDays: MemberDays?) {
        try await write { db in
            if let nonce, let answer = try Self.scanAnswer(organizationID, nonce, db) { return (.replayed(answer), nil) }
            let context = try Self.scanContext(organizationID, request, db)
            let write = try decide(context)
            switch write {
            case .failed(let failure):
                try self.record(failure, db)
            case .visit(let visit, let leaving):
                for left in leaving { try self.write(left, linked: nil, db) }
                try self.write(visit, linked: context.linked, db)
            case .stale, .replayed:
                break
            }
            if let nonce { try Self.keep(write.answer(nonce: nonce), organizationID, db) }
            // Read by the writer, which holds the member's days in its cache now: a read of its
            // own would cost a reader's transaction and two hops between threads, a fifth of a scan.
            return (write, try write.memberID.flatMap { memberDays ? try Self.memberDays(organizationID, $0, db) : nil })
        }
    }

    public func recordScanAnswer(_ organizationID: UUID, _ answer: ScanAnswer) async throws {
        try await write { db in try Self.keep(answer, organizationID, db) }
    }

    public func openAttendanceVisits(of organizationID: UUID?, limit: Int) async throws -> [OpenAttendanceVisit] {
        try await read { db in
            let visits = try db.rows("""
                SELECT \(Checkin.selected(as: "c")) FROM checkins c INDEXED BY checkins_open_by_member
                WHERE c.check_in IS NOT NULL AND c.check_out IS NULL AND c.member_id IS NOT NULL AND c.booking_id IS NULL
                  AND (?1 IS NULL OR c.organization_id = ?1)
                ORDER BY c.check_in LIMIT ?2
                """, [organizationID?.text, limit], Checkin.init(row:))
            return try visits.compactMap { visit in
                try Self.attendanceContext(of: visit, db).map { OpenAttendanceVisit(visit: visit, context: $0) }
            }
        }
    }

    public func presentVisits(_ organizationID: UUID, at locationID: UUID?) async throws -> [PresentVisit] {
        try await read { db in
            try db.rows("""
                SELECT \(Checkin.selected(as: "c")), r.name, l.name, m.type FROM checkins c INDEXED BY checkins_by_state
                JOIN resources r ON r.id = c.resource_id JOIN locations l ON l.id = c.location_id
                LEFT JOIN members m ON m.id = c.member_id
                WHERE c.organization_id = ?1 AND c.state = 'in_progress' AND (?2 IS NULL OR c.location_id = ?2)
                """, [organizationID.text, locationID?.text]) { row in
                let names = Int32(Checkin.columnNames.count)
                return PresentVisit(visit: try Checkin(row: row), resourceName: row.text(names), locationName: row.text(names + 1),
                                    memberType: row.optionalText(names + 2))
            }
        }
    }

    // MARK: Inside a transaction

    private static func scanAnswer(_ organizationID: UUID, _ nonce: String, _ db: Database) throws -> ScanAnswer? {
        try db.row("SELECT answer FROM scan_nonces WHERE organization_id = ? AND nonce = ?",
                   [organizationID.text, nonce]) { try ScanAnswer(stored: $0.text(0)) }
    }

    private static func keep(_ answer: ScanAnswer, _ organizationID: UUID, _ db: Database) throws {
        try db.run("""
            INSERT INTO scan_nonces (organization_id, nonce, answer, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (organization_id, nonce) DO NOTHING
            """, [organizationID.text, answer.nonce, answer.stored, Date().millis])
    }

    /// What classifies a member's visit outside bookings; nil for any other.
    static func attendanceContext(of visit: Checkin, _ db: Database) throws -> AttendanceContext? {
        guard let memberID = visit.memberID, visit.bookingID == nil else { return nil }
        return try attendanceContext(memberID, at: visit.locationID, db)
    }

    /// The policy of the member (their type's settings, their schedule) and the location's zone.
    static func attendanceContext(_ memberID: UUID, at locationID: UUID, _ db: Database) throws -> AttendanceContext? {
        try db.row("""
            SELECT m.type, m.schedule, o.attendance_settings, l.timezone, o.timezone
            FROM members m JOIN organizations o ON o.id = m.organization_id
            JOIN locations l ON l.organization_id = m.organization_id AND l.id = ?
            WHERE m.id = ?
            """, [locationID.text, memberID.text]) { row in
            AttendanceContext(memberType: row.text(0), schedule: try row.optionalText(1).map(Schedule.init(stored:)),
                              settings: try AttendanceSettings(stored: row.text(2)), locationZone: row.optionalText(3),
                              organizationZone: row.text(4))
        }
    }

    static func attendanceSettings(_ organizationID: UUID, _ db: Database) throws -> AttendanceSettings {
        guard let stored = try db.row("SELECT attendance_settings FROM organizations WHERE id = ?",
                                      [organizationID.text], { $0.text(0) }) else {
            throw FrontdeskError.notFound(entity: "organization", id: organizationID.text)
        }
        return try AttendanceSettings(stored: stored)
    }
}
