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
            return try db.rows(sql: "SELECT * FROM member_codes WHERE member_id = ? ORDER BY created_at, id",
                               arguments: [memberID.text], MemberCode.init(row:))
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
        _ organizationID: UUID, _ request: ScanRequest, nonce: String?,
        decide: @escaping @Sendable (ScanContext) throws -> ScanWrite
    ) async throws -> ScanWrite {
        try await write { db in
            if let nonce, let answer = try Self.scanAnswer(organizationID, nonce, db) { return .replayed(answer) }
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
            return write
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
            let type = row.text(0)
            return AttendanceContext(
                memberType: type,
                policy: try AttendanceSettings(stored: row.text(2)).policy(for: type, schedule: try row.optionalText(1).map(Schedule.init(stored:))),
                zone: Location.zone(row.optionalText(3), else: TimeZone(identifier: row.text(4)) ?? .gmt))
        }
    }

    static func attendanceSettings(_ organizationID: UUID, _ db: Database) throws -> AttendanceSettings {
        guard let stored = try db.row("SELECT attendance_settings FROM organizations WHERE id = ?",
                                      [organizationID.text], { $0.text(0) }) else {
            throw FrontdeskError.notFound(entity: "organization", id: organizationID.text)
        }
        return try AttendanceSettings(stored: stored)
    }

    /// What a scan decides on: the code and its live member, the member's visits at the place
    /// (newest first, by `checkins_by_member`), where a new visit can land, and the settings.
    private static func scanContext(_ organizationID: UUID, _ request: ScanRequest, _ db: Database) throws -> ScanContext {
        let place: (column: String, id: UUID)
        let resources: [Resource]
        switch request.place {
        case .resource(let id):
            let resource = try fetch(Resource.self, organizationID, id, db)
            guard let resource else { throw FrontdeskError.validationFailed([FieldIssue("resource_id", "no such resource")]) }
            (place, resources) = (("resource_id", id), [resource])
        case .location(let id):
            guard try exists(Location.self, organizationID, id, db) else {
                throw FrontdeskError.validationFailed([FieldIssue("location_id", "no such location")])
            }
            place = ("location_id", id)
            resources = try db.rows(
                sql: "SELECT \(Resource.selection) FROM resources WHERE organization_id = ? AND location_id = ? AND deleted_at IS NULL",
                arguments: [organizationID.text, id.text], Resource.init(row:))
        }
        let code = try db.cachedRow(sql: "SELECT * FROM member_codes WHERE organization_id = ? AND value = ?",
                                    arguments: [organizationID.text, request.code], MemberCode.init(row:))
        let member = try code.flatMap { try fetch(Member.self, organizationID, $0.memberID, db) }
        func newest(_ condition: String) throws -> Checkin? {
            guard let member else { return nil }
            return try db.row("""
                SELECT \(Checkin.selected(as: "c")) FROM checkins c INDEXED BY checkins_by_member
                WHERE c.member_id = ? AND c.\(place.column) = ? AND \(condition) ORDER BY c.created_at DESC, c.id DESC LIMIT 1
                """, [member.id.text, place.id.text], Checkin.init(row:))
        }
        let open = try newest("c.check_in IS NOT NULL AND c.check_out IS NULL")
        let linked = try open?.bookingID.map { bookingID in
            LinkedBooking(booking: try requireBooking(organizationID, .id(bookingID), db),
                          checkins: try checkins(ofBooking: bookingID, db))
        }
        let locationID = request.place.locationID(of: resources)
        let attendance = try member.flatMap { member in try locationID.flatMap { try attendanceContext(member.id, at: $0, db) } }
        // Out of the other places first, where the location keeps members in one place at a time.
        var elsewhere: [Checkin] = []
        if let member, let locationID, open == nil,
           try db.integer("SELECT one_place_at_a_time FROM locations WHERE id = ?", [locationID.text]) == 1 {
            elsewhere = try db.rows("""
                SELECT \(Checkin.selected(as: "c")) FROM checkins c INDEXED BY checkins_open_by_member
                WHERE c.member_id = ? AND c.location_id <> ? AND c.check_in IS NOT NULL AND c.check_out IS NULL
                  AND c.booking_id IS NULL
                """, [member.id.text, locationID.text], Checkin.init(row:))
        }
        return ScanContext(facts: ScanFacts(
            code: code, member: member, open: open, latest: try newest("c.check_in IS NOT NULL"),
            resources: resources, settings: try attendanceSettings(organizationID, db), elsewhere: elsewhere),
            linked: linked, attendance: attendance,
            elsewhere: try elsewhere.reduce(into: [:]) { contexts, visit in contexts[visit.id] = try attendanceContext(of: visit, db) })
    }
}
