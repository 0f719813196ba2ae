import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO
import Synchronization

extension PostgresStore {
    /// The order of the locks is the design:
    /// 0. before the transaction, the booking number, from the year's series (`takeBookingNumber`):
    ///    no lock on it is held to commit, so bookings of an organization never wait for each other
    ///    there;
    /// 1. the requested resources, in id order: bookings of the same resources take turns from here;
    /// 2. in one later statement, whose snapshot therefore sees every line committed before those
    ///    locks were granted: the member (share-locked: it cannot be deleted meanwhile) and the
    ///    lines holding the resources;
    /// 3. for a walk-in created active only, its visits admitted on the resources it holds
    ///    (`admit`): it takes turns with the check-ins into them.
    public func createBooking(
        _ organizationID: UUID, _ request: BookingRequest, now: Date,
        decide: @escaping @Sendable (BookingContext) throws -> BookingChange
    ) async throws -> Booking {
        let (organization, sequence) = try await numberedOrganization(organizationID, now: now)
        return try await recording(organizationID) { connection in
            let (resources, memberName) = try await self.bookableResources(
                request.lines, of: organization, member: request.newMember == nil ? request.memberID : nil, now: now, connection)
            let change = try decide(BookingContext(organization: organization, resources: resources,
                                                   memberName: request.newMember?.name ?? memberName, nextSequence: sequence))
            try await self.admit(change.arrivals, organizationID, connection)
            if let guest = request.newMember {
                try await connection.run(.insert(into: Member.table, guest.fields), logger: self.logger)
            }
            try await connection.run("""
                WITH booking AS (\(SQL.insert(into: "bookings", change.booking.fields))),
                \(Self.writeLines(of: change.booking, organizationID)), \(Self.createInvoice(change))
                \(Self.save(change.checkins))\(try await self.tallies(of: change.checkins, organizationID, connection))\(Self.record(change))
                """, logger: self.logger)
            return change.booking
        }
    }

    /// The organization, read (settings are read, not locked: changing them meanwhile is no
    /// conflict), and the next number of its series for the year `now` falls in, in one statement
    /// that commits at once, without waiting for its WAL flush: the series row is locked only
    /// while the statement runs. Numbers are unique and increase; one taken by a booking that then
    /// fails is never used (a gap). A crash can lose the increment only together with every booking
    /// that used its number, since a booking's commit flushes the WAL written before it.
    ///
    /// The year is the organization's, in its time zone, which the statement reads: it is taken in
    /// the zone of the organization's last booking here, and again, in the zone read, in the rare
    /// case that the two years differ (a zone changed around New Year; the first number is a gap).
    private func numberedOrganization(_ organizationID: UUID, now: Date) async throws -> (Organization, Int) {
        var zone = bookingZones.withLock { $0[organizationID] }
        while true {
            let year = zone.map { BookingNumber.year(of: now, in: $0) }
            let rows = try await query("""
                WITH organization AS (SELECT * FROM organizations WHERE id = \(organizationID)),
                series AS (
                    INSERT INTO booking_series (organization_id, year, last_sequence)
                    SELECT id, \(year)::integer, 1
                    FROM organization, (SELECT set_config('synchronous_commit', 'off', true)) AS unflushed
                    WHERE \(year)::integer IS NOT NULL
                    ON CONFLICT (organization_id, year) DO UPDATE SET last_sequence = booking_series.last_sequence + 1
                    RETURNING last_sequence
                )
                SELECT organization.*, series.last_sequence FROM organization LEFT JOIN series ON true
                """)
            guard let row = rows.first else { throw FrontdeskError.notFound(entity: "organization", id: organizationID.text) }
            let organization = try Organization(row: row)
            bookingZones.withLock { $0[organizationID] = organization.zone }
            if let year, year == BookingNumber.year(of: now, in: organization.zone) {
                return (organization, try row.value("last_sequence"))
            }
            zone = organization.zone
        }
    }

    /// Locks the live resources among `ids`, in id order. Missing and deleted ones are simply absent:
    /// the planner reports them.
    /// The resources `lines` name, locked (`lockResources`), with the lines holding them around
    /// those windows (`heldLines`), and the name of `memberID` (when given and a live member), held
    /// against deletion until the transaction ends: one round trip after the locks.
    func bookableResources(
        _ lines: [BookingRequest.Line], of organization: Organization, member memberID: UUID?, now: Date,
        _ connection: PostgresConnection
    ) async throws -> (resources: [UUID: BookableResource], memberName: String?) {
        var resources = try await lockResources(Array(Set(lines.map(\.resourceID))), of: organization, connection)
        let member: SQL = memberID.map { """
            (SELECT name FROM members WHERE organization_id = \(organization.id) AND id = \($0) AND deleted_at IS NULL
             FOR SHARE)
            """ } ?? "NULL::text"
        let held: SQL = lines.isEmpty
            ? "SELECT NULL::uuid AS resource_id, NULL::text AS number, NULL::timestamptz AS starts_at, NULL::timestamptz AS ends_at, NULL::boolean AS checked_in WHERE false"
            : Self.heldLines(around: lines, organization.id, now: now)
        let rows = try await connection.rows("""
            SELECT header.*, held.resource_id AS held_resource_id, held.number AS held_number,
                   held.starts_at AS held_starts_at, held.ends_at AS held_ends_at, held.checked_in AS held_checked_in
            FROM (SELECT \(member) AS member_name) AS header
            LEFT JOIN (\(held)) AS held ON true
            """, logger: logger)
        for row in rows {
            guard let id = try row.value("held_resource_id", as: UUID?.self) else { continue }
            resources[id]?.held.append(HeldLine(
                bookingNumber: try row.value("held_number"),
                window: TimeWindow(start: try row.date("held_starts_at"), end: try row.date("held_ends_at")),
                checkedIn: try row.value("held_checked_in")))
        }
        return (resources, try rows[0].value("member_name"))
    }

    private func lockResources(
        _ ids: [UUID], of organization: Organization, _ connection: PostgresConnection
    ) async throws -> [UUID: BookableResource] {
        let rows = try await connection.rows("""
            SELECT r.*, loc.timezone AS location_zone
            FROM resources r JOIN locations loc ON loc.organization_id = r.organization_id AND loc.id = r.location_id
            WHERE r.organization_id = \(organization.id) AND r.id = ANY(\(ids)) AND r.deleted_at IS NULL
            ORDER BY r.id
            FOR NO KEY UPDATE OF r
            """, logger: logger)
        var resources: [UUID: BookableResource] = [:]
        for row in rows {
            let resource = try Resource(row: row)
            resources[resource.id] = BookableResource(
                resource: resource, timeZone: Location.zone(try row.value("location_zone"), else: organization.zone), held: [])
        }
        return resources
    }

    /// The held lines of each requested resource that overlap the span of its requested windows, and
    /// those checked in that ended before it by `now`. An overdue line holds its resource on until it
    /// is checked out (`Occupancy.heldWindow`): its effective end moves with time, which no stored
    /// row says, so the exclusion constraint `booking_lines_exclusive` cannot see it. The planner
    /// counts it here instead, on resources this transaction has locked (step 1): a concurrent
    /// booking of the same resource waits for the lock and then reads the lines committed before it.
    static func heldLines(around lines: [BookingRequest.Line], _ organizationID: UUID, now: Date) -> SQL {
        let spans = Dictionary(grouping: lines, by: \.resourceID).map { id, lines -> SQL in
            let start = lines.map(\.window.start).min()!, end = lines.map(\.window.end).max()!
            return "(\(id)::uuid, \(start)::timestamptz, \(end)::timestamptz)"
        }
        return """
            SELECT l.resource_id, l.booking_number AS number, l.starts_at, l.ends_at, l.state = 'occupied' AS checked_in
            FROM (VALUES \(SQL(joining: spans, separator: ", "))) AS w (resource_id, starts_at, ends_at)
            JOIN booking_lines l ON l.organization_id = \(organizationID) AND l.resource_id = w.resource_id
             AND (l.state <> 'released' AND tstzrange(l.starts_at, l.ends_at) && tstzrange(w.starts_at, w.ends_at)
                  OR l.state = 'occupied' AND tstzrange(l.starts_at, l.ends_at) && tstzrange(NULL, w.starts_at)
                     AND l.ends_at <= least(w.starts_at, \(now)::timestamptz))
            """
    }
}
