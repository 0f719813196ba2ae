import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

/// Scans of one member take turns on the member's row, so that two taps at once toggle once each
/// in order: the second sees the first's visit. One that ends a booking's visit locks the
/// organization first, as every write of a booking does.
extension PostgresStore: AttendanceStore {
    public func insertCode(_ code: MemberCode) async throws {
        try await transaction { connection in
            // Shared: the member cannot be deleted meanwhile, and codes are given out side by side.
            guard try await !connection.rows("\(Self.select(Member.self, code.organizationID, code.memberID)) FOR SHARE",
                                             logger: self.logger).isEmpty
            else { throw FrontdeskError.notFound(entity: Member.entityName, id: code.memberID.text) }
            let inserted = try await connection.rows(
                "\(SQL.insert(into: "member_codes", code.fields)) ON CONFLICT (organization_id, value) DO NOTHING RETURNING id",
                logger: self.logger)
            if inserted.isEmpty { throw MemberCode.taken(code.value) }
        }
    }

    public func codes(_ organizationID: UUID, member memberID: UUID) async throws -> [MemberCode] {
        try await transaction { connection in
            guard try await !connection.rows(Self.select(Member.self, organizationID, memberID), logger: self.logger).isEmpty
            else { throw FrontdeskError.notFound(entity: Member.entityName, id: memberID.text) }
            return try await connection.rows(
                "SELECT * FROM member_codes WHERE member_id = \(memberID) ORDER BY created_at, id", logger: self.logger
            ).map(MemberCode.init(row:))
        }
    }

    public func deleteCode(_ organizationID: UUID, member memberID: UUID, _ id: UUID) async throws {
        let deleted = try await query("""
            DELETE FROM member_codes WHERE organization_id = \(organizationID) AND member_id = \(memberID) AND id = \(id)
            RETURNING id
            """)
        if deleted.isEmpty { throw FrontdeskError.notFound(entity: "code", id: id.text) }
    }

    public func attendanceSettings(_ organizationID: UUID) async throws -> AttendanceSettings {
        try await transaction { connection in try await self.attendanceSettings(organizationID, lock: false, connection) }
    }

    public func updateAttendanceSettings(
        _ organizationID: UUID, _ change: @escaping @Sendable (AttendanceSettings) throws -> AttendanceSettings
    ) async throws -> AttendanceSettings {
        try await transaction { connection in
            let next = try change(try await self.attendanceSettings(organizationID, lock: true, connection))
            try await connection.run("""
                UPDATE organizations SET attendance_settings = \(next.stored) WHERE id = \(organizationID)
                """, logger: self.logger)
            return next
        }
    }

    /// Scans of one nonce take turns on it: the second finds the first's answer.
    public func scan(
        _ organizationID: UUID, _ request: ScanRequest, nonce: String?, memberDays: Bool,
        decide: @escaping @Sendable (ScanContext) throws -> ScanWrite
    ) async throws -> (write: ScanWrite, memberDays: MemberDays?) {
        let write = try await recording(organizationID) { connection -> ScanWrite in
            if let nonce {
                try await connection.run("SELECT pg_advisory_xact_lock(hashtextextended(\(organizationID.text + nonce), 0))",
                                         logger: self.logger)
                if let answer = try await self.scanAnswer(organizationID, nonce, connection) { return .replayed(answer) }
            }
            let context = try await self.scanContext(organizationID, request, connection)
            let write = try decide(context)
            switch write {
            case .failed(let failure):
                try await connection.run("WITH \(Self.record(failure))", logger: self.logger)
            case .visit(let visit, let leaving):
                for left in leaving { try await self.write(left, connection) }
                try await self.write(visit, connection)
            case .stale, .replayed:
                break
            }
            if let nonce { try await self.keep(write.answer(nonce: nonce), organizationID, connection) }
            return write
        }
        // Read after the commit, not under the organization's lock its writes queue behind.
        guard memberDays, let memberID = write.memberID else { return (write, nil) }
        do {
            return (write, try await self.memberDays(organizationID, member: memberID))
        } catch let error as FrontdeskError where error.code == "not_found" {
            return (write, nil)  // deleted since
        }
    }

    public func recordScanAnswer(_ organizationID: UUID, _ answer: ScanAnswer) async throws {
        try await transaction { connection in try await self.keep(answer, organizationID, connection) }
    }

    public func openAttendanceVisits(of organizationID: UUID?, limit: Int) async throws -> [OpenAttendanceVisit] {
        try await transaction { connection in
            let scope: SQL = organizationID.map { "AND c.organization_id = \($0)" } ?? ""
            let visits = try await connection.rows("""
                SELECT * FROM checkins c
                WHERE c.check_in IS NOT NULL AND c.check_out IS NULL AND c.member_id IS NOT NULL AND c.booking_id IS NULL
                  \(scope)
                ORDER BY c.check_in LIMIT \(limit)
                """, logger: self.logger).map(Checkin.init(row:))
            var open: [OpenAttendanceVisit] = []
            for visit in visits {
                if let context = try await self.attendanceContext(of: visit, connection) {
                    open.append(OpenAttendanceVisit(visit: visit, context: context))
                }
            }
            return open
        }
    }

    public func presentVisits(_ organizationID: UUID, at locationID: UUID?) async throws -> [PresentVisit] {
        let place: SQL = locationID.map { "AND c.location_id = \($0)" } ?? ""
        return try await query("""
            SELECT c.*, r.name AS resource_name, l.name AS location_name, m.type AS member_type
            FROM checkins c JOIN resources r ON r.id = c.resource_id JOIN locations l ON l.id = c.location_id
            LEFT JOIN members m ON m.id = c.member_id
            WHERE c.organization_id = \(organizationID) AND c.state = 'in_progress' \(place)
            """).map { row in
            PresentVisit(visit: try Checkin(row: row), resourceName: try row.value("resource_name"),
                         locationName: try row.value("location_name"), memberType: try row.value("member_type"))
        }
    }

    // MARK: Inside a transaction

    private func scanAnswer(_ organizationID: UUID, _ nonce: String, _ connection: PostgresConnection) async throws -> ScanAnswer? {
        try await connection.rows("""
            SELECT answer FROM scan_nonces WHERE organization_id = \(organizationID) AND nonce = \(nonce)
            """, logger: logger).first.map { try ScanAnswer(stored: try $0.value("answer")) }
    }

    private func keep(_ answer: ScanAnswer, _ organizationID: UUID, _ connection: PostgresConnection) async throws {
        try await connection.run("""
            INSERT INTO scan_nonces (organization_id, nonce, answer, created_at)
            VALUES (\(organizationID), \(answer.nonce), \(answer.stored), now())
            ON CONFLICT (organization_id, nonce) DO NOTHING
            """, logger: logger)
    }

    /// What classifies a member's visit outside bookings; nil for any other.
    func attendanceContext(of visit: Checkin, _ connection: PostgresConnection) async throws -> AttendanceContext? {
        guard let memberID = visit.memberID, visit.bookingID == nil else { return nil }
        return try await attendanceContext(memberID, at: visit.locationID, connection)
    }

    /// The policy of the member (their type's settings, their schedule) and the location's zone.
    func attendanceContext(
        _ memberID: UUID, at locationID: UUID, _ connection: PostgresConnection
    ) async throws -> AttendanceContext? {
        guard let row = try await connection.rows("""
            SELECT m.type, m.schedule, o.attendance_settings, l.timezone AS location_zone, o.timezone AS organization_zone
            FROM members m JOIN organizations o ON o.id = m.organization_id
            JOIN locations l ON l.organization_id = m.organization_id AND l.id = \(locationID)
            WHERE m.id = \(memberID)
            """, logger: logger).first else { return nil }
        return AttendanceContext(
            memberType: try row.value("type"), schedule: try row.value("schedule", as: String?.self).map(Schedule.init(stored:)),
            settings: try AttendanceSettings(stored: try row.value("attendance_settings")),
            locationZone: try row.value("location_zone"), organizationZone: try row.value("organization_zone"))
    }

    private func attendanceSettings(
        _ organizationID: UUID, lock: Bool, _ connection: PostgresConnection
    ) async throws -> AttendanceSettings {
        let select: SQL = "SELECT attendance_settings FROM organizations WHERE id = \(organizationID)"
        guard let row = try await connection.rows(lock ? "\(select) FOR NO KEY UPDATE" : select, logger: logger).first
        else { throw FrontdeskError.notFound(entity: "organization", id: organizationID.text) }
        return try AttendanceSettings(stored: try row.value("attendance_settings"))
    }
}
