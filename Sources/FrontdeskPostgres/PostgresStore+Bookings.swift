import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

extension PostgresStore: BookingStore {
    public func booking(_ organizationID: UUID, _ reference: BookingReference) async throws -> Booking? {
        try await Booking.fromRows(query(Self.selectBooking(organizationID, reference))).first
    }

    public func bookings(_ organizationID: UUID, filter: BookingFilter, page: PageRequest) async throws -> Page<Booking> {
        var conditions: [SQL] = ["b.organization_id = \(organizationID)"]
        if !filter.statuses.isEmpty { conditions.append("b.status \(SQL.oneOf(filter.statuses.map(\.rawValue)))") }
        if let memberID = filter.memberID { conditions.append("b.member_id = \(memberID)") }
        if !filter.locationIDs.isEmpty { conditions.append("b.location_id \(SQL.oneOf(filter.locationIDs))") }
        if let startedBy = filter.startedWithoutCheckin {
            conditions.append("""
                b.starts_at <= \(startedBy) AND NOT EXISTS (SELECT 1 FROM checkins c WHERE c.booking_id = b.id)
                """)
        }
        var source: SQL = "bookings b", order: SQL = "b.created_at, b.id"
        if let window = filter.window {
            // A window's bookings come from its lines, found by their range index (of a resource,
            // when one is asked for: both hold for one and the same line), sorted in page order
            // and each booking kept once, read until the page is full; there are a few days' worth.
            // Walking the organization's bookings in page order and testing each, PostgreSQL read
            // every booking older than the window: the last day's page took 0.8 s at a million
            // bookings (`scripts/bench --postgres --lists`). `DISTINCT ON` keeps the planner from
            // doing that (a subquery with it is planned on its own), and its sort feeds the page
            // as it goes: a hashed `DISTINCT` of the whole window, then a sort, took twice as long.
            var lines: [SQL] = ["""
                x.organization_id = \(organizationID)
                AND tstzrange(x.starts_at, x.ends_at, '[)') && tstzrange(\(window.start), \(window.end))
                """]
            if let resourceID = filter.resourceID { lines.append("x.resource_id = \(resourceID)") }
            source = """
                (SELECT DISTINCT ON (x.booking_created_at, x.booking_id) x.booking_id, x.booking_created_at
                 FROM booking_lines x WHERE \(SQL(joining: lines, separator: " AND "))
                 ORDER BY x.booking_created_at, x.booking_id) x
                JOIN bookings b ON b.id = x.booking_id
                """
            order = "x.booking_created_at, x.booking_id"
        } else if let resourceID = filter.resourceID {
            // A resource's bookings alone are walked in page order from its lines (migration 0035); a
            // booking holds a resource once, so each comes once.
            source = "booking_lines x JOIN bookings b ON b.id = x.booking_id"
            order = "x.booking_created_at, x.booking_id"
            conditions.append("x.resource_id = \(resourceID)")
        }
        if let after = page.after { conditions.append("(\(order)) > (\(after.createdAt), \(after.id))") }
        let rows = try await query("""
            SELECT b.*, \(Booking.lineColumns)
            FROM (SELECT b.* FROM \(source) WHERE \(SQL(joining: conditions, separator: " AND "))
                  ORDER BY \(order) LIMIT \(page.limit + 1)) b
            LEFT JOIN booking_lines l ON l.booking_id = b.id \(Booking.nameJoins)
            ORDER BY b.created_at, b.id, l.position
            """)
        return Page(fetched: try Booking.fromRows(rows), limit: page.limit) { Cursor(createdAt: $0.createdAt, id: $0.id) }
    }

    public func changeBooking(
        _ organizationID: UUID, _ reference: BookingReference,
        decide: @escaping @Sendable (Booking, [Checkin]) throws -> BookingChange
    ) async throws -> Booking {
        try await recording(organizationID) { connection in
            let current = try await self.lockBooking(organizationID, reference, connection)
            let linked = try await self.checkins(ofBooking: current.id, organizationID, connection)
            let change = try decide(current, linked)
            try await self.write(change, connection)
            return change.booking
        }
    }

    /// Writes a change of a stored booking: its row and lines (dropping those it no longer has),
    /// the checkins it moves, its audit and events, once Core has admitted the visits it begins
    /// (the caller holds the organization's lock).
    func write(_ change: BookingChange, _ connection: PostgresConnection) async throws {
        let booking = change.booking, organizationID = booking.organizationID
        try await admit(change.arrivals, organizationID, connection)
        try await connection.run("""
            WITH booking AS (
                \(SQL.update("bookings", booking.fields)) WHERE organization_id = \(organizationID) AND id = \(booking.id)
            ),
            \(Self.writeLines(of: booking, organizationID)),
            dropped AS (
                DELETE FROM booking_lines WHERE booking_id = \(booking.id) AND NOT (id = ANY(\(booking.lines.map(\.id))))
            ),
            \(Self.save(change.checkins))\(try await tallies(of: change.checkins, organizationID, connection))\(Self.record(change))
            """, logger: logger)
        try await follow(change, connection)
    }

    /// The checkins linked to a booking, oldest first.
    func checkins(
        ofBooking bookingID: UUID, _ organizationID: UUID, _ connection: PostgresConnection
    ) async throws -> [Checkin] {
        try await connection.rows("""
            SELECT * FROM checkins WHERE organization_id = \(organizationID) AND booking_id = \(bookingID)
            ORDER BY created_at, id
            """, logger: logger).map(Checkin.init(row:))
    }

    /// Locks the next booking of a freed resource: the earliest awaiting arrival with a line on the
    /// resource that starts at or after the check-out. The caller holds the organization's lock.
    func lockNextBooking(
        _ organizationID: UUID, _ freed: FreedResource, _ connection: PostgresConnection
    ) async throws -> Booking? {
        // The range test lets the index by resource narrow the lines to those ending after the check-out.
        let next = try await connection.rows("""
            SELECT b.id FROM booking_lines l JOIN bookings b ON b.id = l.booking_id
            WHERE l.resource_id = \(freed.resourceID) AND tstzrange(l.starts_at, l.ends_at) && tstzrange(\(freed.after), NULL)
              AND l.starts_at >= \(freed.after) AND b.organization_id = \(organizationID)
              AND b.status = ANY(\(BookingStatus.awaitingArrival.map(\.rawValue)))
            ORDER BY l.starts_at, b.id LIMIT 1
            FOR NO KEY UPDATE OF b
            """, logger: logger).first
        guard let id = try next?.value("id", as: UUID.self) else { return nil }
        return try Booking.fromRows(try await connection.rows(Self.selectBooking(organizationID, .id(id)), logger: logger)).first
    }

    public func deleteBooking(
        _ organizationID: UUID, _ reference: BookingReference,
        decide: @escaping @Sendable (Booking) throws -> BookingChange
    ) async throws {
        try await recording(organizationID) { connection in
            let change = try decide(try await self.lockBooking(organizationID, reference, connection))
            try await self.invoice(ofBooking: change.booking, connection)?.requireNoMoney()
            try await connection.run("""
                WITH gone AS (DELETE FROM bookings WHERE organization_id = \(organizationID) AND id = \(change.booking.id)),
                \(Self.record(change))
                """, logger: self.logger)
        }
    }

    // MARK: Inside a booking transaction

    /// Locks the organization row, then the booking, and reads it with its lines, or throws
    /// `not_found`. Changes and deletions of an organization's bookings thus run one at a time; the
    /// order (organization, then booking) is the one every writer of bookings and checkins follows
    /// (a checkin's change locks its checkin, then its booking, after the organization).
    /// `NO KEY UPDATE` leaves rows that merely reference them free to be written.
    func lockBooking(
        _ organizationID: UUID, _ reference: BookingReference, _ connection: PostgresConnection
    ) async throws -> Booking {
        try await lockOrganization(organizationID, connection)
        let rows = try await connection.rows("\(Self.selectBooking(organizationID, reference)) FOR NO KEY UPDATE OF b",
                                             logger: logger)
        guard let booking = try Booking.fromRows(rows).first else {
            throw FrontdeskError.notFound(entity: "booking", id: reference.description)
        }
        return booking
    }

    /// Locks the organization row: the first lock of every change of its bookings and of their
    /// checkins (a standalone checkin's writes do without).
    func lockOrganization(_ organizationID: UUID, _ connection: PostgresConnection) async throws {
        try await connection.run("SELECT 1 FROM organizations WHERE id = \(organizationID) FOR NO KEY UPDATE",
                                 logger: logger)
    }

    static func selectBooking(_ organizationID: UUID, _ reference: BookingReference) -> SQL {
        let match: SQL = switch reference {
        case .id(let id): "b.id = \(id)"
        case .number(let number): "b.number = \(number)"
        }
        return """
            SELECT b.*, \(Booking.lineColumns) FROM bookings b LEFT JOIN booking_lines l ON l.booking_id = b.id
            \(Booking.nameJoins)
            WHERE b.organization_id = \(organizationID) AND \(match)
            ORDER BY l.position
            """
    }

    /// The CTE `lines`: inserts the booking's lines, or updates those it already has. A line is
    /// `exclusive` when its resource's capacity is 1 as it is written (a swap takes its new resource's).
    static func writeLines(of booking: Booking, _ organizationID: UUID) -> SQL {
        let values = booking.lines.enumerated().map { position, line -> SQL in
            """
            (\(line.id)::uuid, \(line.resourceID)::uuid, \(position)::integer, \(line.window.start)::timestamptz,
             \(line.window.end)::timestamptz, \(line.state.rawValue)::text, \(line.checkedInAt)::timestamptz,
             \(line.checkedOutAt)::timestamptz, \(line.amount)::bigint, \(line.dates?.checkIn.description)::text,
             \(line.dates?.checkOut.description)::text)
            """
        }
        return """
            lines AS (
                INSERT INTO booking_lines (id, booking_id, booking_number, organization_id, resource_id, position,
                                           starts_at, ends_at, state, checked_in_at, checked_out_at, amount, exclusive,
                                           check_in_date, check_out_date, booking_created_at)
                SELECT v.id, \(booking.id), \(booking.number), r.organization_id, v.resource_id, v.position,
                       v.starts_at, v.ends_at, v.state, v.checked_in_at, v.checked_out_at, v.amount, r.capacity = 1,
                       v.check_in_date, v.check_out_date, \(booking.createdAt)::timestamptz
                FROM (VALUES \(SQL(joining: values, separator: ", ")))
                     AS v (id, resource_id, position, starts_at, ends_at, state, checked_in_at, checked_out_at, amount,
                           check_in_date, check_out_date)
                JOIN resources r ON r.organization_id = \(organizationID) AND r.id = v.resource_id
                ON CONFLICT (id) DO UPDATE SET
                    resource_id = EXCLUDED.resource_id, position = EXCLUDED.position, starts_at = EXCLUDED.starts_at,
                    ends_at = EXCLUDED.ends_at, state = EXCLUDED.state, checked_in_at = EXCLUDED.checked_in_at,
                    checked_out_at = EXCLUDED.checked_out_at, amount = EXCLUDED.amount, exclusive = EXCLUDED.exclusive,
                    check_in_date = EXCLUDED.check_in_date, check_out_date = EXCLUDED.check_out_date
                WHERE booking_lines.booking_id = EXCLUDED.booking_id
            )
            """
    }

    /// The end of every write: its audit entries, then its outbox events, without sequence numbers
    /// and in their order (`position`): the sequencer numbers them once the write has committed
    /// (`recording`), so writes of an organization never wait for each other's commits here.
    static func record(_ change: some RecordedChange) -> SQL {
        let values = change.events.enumerated().map { position, event -> SQL in
            """
            (\(position)::integer, \(event.id)::uuid, \(event.type.rawValue)::text, \(event.entityType)::text,
             \(event.entityID)::uuid, \(event.data)::bytea, \(event.createdAt)::timestamptz)
            """
        }
        return """
            audit AS (\(change.audits.isEmpty ? "SELECT 1" : SQL.insert(into: "audit_entries", rows: change.audits.map(\.fields))))
            INSERT INTO events (id, organization_id, type, entity_type, entity_id, data, created_at)
            SELECT v.id, \(change.organizationID), v.type, v.entity_type, v.entity_id, v.data, v.created_at
            FROM (VALUES \(SQL(joining: values, separator: ", ")))
                 AS v (position, id, type, entity_type, entity_id, data, created_at)
            ORDER BY v.position
            """
    }
}
