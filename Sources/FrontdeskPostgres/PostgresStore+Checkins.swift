import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

/// A write of a booking's checkin locks the organization row first, as booking changes do: the two
/// take turns, so a booking's check-in and a checkin of its lines never race. A standalone
/// checkin's writes lock only its row, and the resource of a visit they begin (`admit`), so they
/// commit side by side.
extension PostgresStore: CheckinStore {
    public func createCheckin(
        _ organizationID: UUID, _ request: CheckinRequest,
        decide: @escaping @Sendable (CheckinContext) throws -> CheckinChange
    ) async throws -> Checkin {
        try await recording(organizationID) { connection in
            if request.bookingID != nil { try await self.lockOrganization(organizationID, connection) }
            let resource = try await connection.rows(Self.select(Resource.self, organizationID, request.resourceID),
                                                     logger: self.logger).first.map(Resource.init(row:))
            var memberExists = false
            if let memberID = request.memberID {
                memberExists = try await !connection.rows(Self.select(Member.self, organizationID, memberID),
                                                          logger: self.logger).isEmpty
            }
            var booking: Booking?
            if let bookingID = request.bookingID {
                booking = try Booking.fromRows(try await connection.rows(Self.selectBooking(organizationID, .id(bookingID)),
                                                                         logger: self.logger)).first
            }
            let change = try decide(CheckinContext(resource: resource, memberExists: memberExists, booking: booking))
            try await self.admit(change.arrival.map { [$0] } ?? [], organizationID, connection)
            let tallies = try await self.tallies(of: [change], organizationID, connection)
            try await connection.run("WITH \(Self.save([change]))\(tallies)\(Self.record(change))", logger: self.logger)
            return change.checkin
        }
    }

    public func checkin(_ organizationID: UUID, _ id: UUID) async throws -> Checkin? {
        try await query(Self.selectCheckin(organizationID, id)).first.map(Checkin.init(row:))
    }

    public func checkins(_ organizationID: UUID, filter: CheckinFilter, page: PageRequest) async throws -> Page<Checkin> {
        var conditions: [SQL] = ["c.organization_id = \(organizationID)"]
        if !filter.states.isEmpty { conditions.append("c.state \(SQL.oneOf(filter.states.map(\.rawValue)))") }
        if let resourceID = filter.resourceID { conditions.append("c.resource_id = \(resourceID)") }
        if let memberID = filter.memberID { conditions.append("c.member_id = \(memberID)") }
        if let bookingID = filter.bookingID { conditions.append("c.booking_id = \(bookingID)") }
        if !filter.locationIDs.isEmpty { conditions.append("c.location_id \(SQL.oneOf(filter.locationIDs))") }
        if let window = filter.window {
            // `checkins_by_visit` (migration 0013).
            conditions.append("""
                \(raw: PostgresMigrations.visit(of: "c")) && tstzrange(\(window.start), \(window.end))
                AND \(raw: PostgresMigrations.visitEnd(of: "c")) > \(window.start)
                """)
        }
        if let after = page.after { conditions.append("(c.created_at, c.id) > (\(after.createdAt), \(after.id))") }
        let matching: SQL = "SELECT c.* FROM checkins c WHERE \(SQL(joining: conditions, separator: " AND "))"
        // By window, the visits `checkins_by_visit` finds are sorted (`OFFSET 0` keeps the planner
        // from walking every checkin in page order instead, as its estimate would: the window's
        // visits are all among the newest).
        let rows = try await query(filter.window == nil
            ? "\(matching) ORDER BY c.created_at, c.id LIMIT \(page.limit + 1)"
            : "SELECT c.* FROM (\(matching) OFFSET 0) c ORDER BY c.created_at, c.id LIMIT \(page.limit + 1)")
        return Page(fetched: try rows.map(Checkin.init(row:)), limit: page.limit) {
            Cursor(createdAt: $0.createdAt, id: $0.id)
        }
    }

    public func changeCheckin(
        _ organizationID: UUID, _ id: UUID,
        decide: @escaping @Sendable (Checkin, LinkedBooking?, AttendanceContext?) throws -> CheckinWrite
    ) async throws -> Checkin {
        try await recording(organizationID) { connection in
            let current = try await self.lockCheckin(organizationID, id, connection)
            var linked: LinkedBooking?
            if let bookingID = current.bookingID {
                let booking = try await self.lockBooking(organizationID, .id(bookingID), connection)
                linked = LinkedBooking(booking: booking,
                                       checkins: try await self.checkins(ofBooking: bookingID, organizationID, connection))
            }
            let change = try decide(current, linked, try await self.attendanceContext(of: current, connection))
            try await self.write(change, connection)
            return change.checkin.checkin
        }
    }

    public func deleteCheckin(
        _ organizationID: UUID, _ id: UUID, decide: @escaping @Sendable (Checkin) throws -> CheckinChange
    ) async throws {
        try await recording(organizationID) { connection in
            let current = try await self.lockCheckin(organizationID, id, connection)
            let change = try decide(current)
            try await connection.run("""
                WITH gone AS (DELETE FROM checkins WHERE organization_id = \(organizationID) AND id = \(id)),
                \(try await self.tallies([(current, nil)], organizationID, connection))\(Self.record(change))
                """, logger: self.logger)
        }
    }

    // MARK: Inside a transaction

    /// Writes a checkin's step: its booking's change when it moves the booking (locked with the
    /// checkin), else the checkin's own, once Core has admitted the visit it begins.
    func write(_ change: CheckinWrite, _ connection: PostgresConnection) async throws {
        if let booking = change.booking {
            try await write(booking, connection)
        } else {
            try await admit(change.arrivals, change.checkin.organizationID, connection)
            let tallies = try await tallies(of: [change.checkin], change.checkin.organizationID, connection)
            try await connection.run("WITH \(Self.save([change.checkin]))\(tallies)\(Self.record(change.checkin))", logger: logger)
        }
    }

    private static func selectCheckin(_ organizationID: UUID, _ id: UUID) -> SQL {
        "SELECT * FROM checkins c WHERE c.organization_id = \(organizationID) AND c.id = \(id)"
    }

    /// Locks the checkin and reads it, or throws `not_found`; a booking's checkin after the
    /// organization row. A standalone checkin stays so (no write links one to a booking), so its
    /// row is all there is to lock: one statement finds and locks it, where the first read of a
    /// booking's checkin locks nothing.
    private func lockCheckin(
        _ organizationID: UUID, _ id: UUID, _ connection: PostgresConnection
    ) async throws -> Checkin {
        let select = Self.selectCheckin(organizationID, id)
        if let row = try await connection.rows("\(select) AND c.booking_id IS NULL FOR NO KEY UPDATE", logger: logger).first {
            return try Checkin(row: row)
        }
        try await lockOrganization(organizationID, connection)
        guard let row = try await connection.rows("\(select) FOR NO KEY UPDATE", logger: logger).first
        else { throw FrontdeskError.notFound(entity: "checkin", id: id.text) }
        return try Checkin(row: row)
    }

    /// CTEs that insert the new checkins and update the changed ones, each followed by a comma.
    static func save(_ changes: [CheckinChange]) -> SQL {
        SQL(joining: changes.enumerated().map { index, change -> SQL in
            let checkin = change.checkin
            let write: SQL = change.isNew
                ? SQL.insert(into: "checkins", checkin.fields)
                : "\(SQL.update("checkins", checkin.fields)) WHERE organization_id = \(checkin.organizationID) AND id = \(checkin.id)"
            return "checkin_\(raw: String(index)) AS (\(write)), "
        }, separator: "")
    }
}
