import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

extension PostgresStore {
    /// Locks the resources of the visits a write begins (in id order, held to commit), then reads
    /// them with their zones and visits in progress, and lets Core refuse the write
    /// (`Presence.admit`). Two visits into one resource take turns on its row, whichever paths
    /// begin them, and the second reads, in a later statement, the visit the first committed. The
    /// resource rows are the last locks of every path that begins visits, as the dispatcher's
    /// housekeeping flags come after the bookings it readies.
    func admit(_ arrivals: [Arrival], _ organizationID: UUID, _ connection: PostgresConnection) async throws {
        guard !arrivals.isEmpty else { return }
        let resourceIDs = Array(Set(arrivals.map(\.checkin.resourceID)))
        try await connection.run("""
            SELECT 1 FROM resources WHERE organization_id = \(organizationID) AND id = ANY(\(resourceIDs))
            ORDER BY id FOR NO KEY UPDATE
            """, logger: logger)
        // The visits in progress are counted from `checkins_in_progress` alone: resource ids are
        // unique across organizations, so the checkins' organization need not be tested. An
        // index-only scan marks the entries of visits since checked out as dead once no
        // transaction can see them, and later counts skip them; with the organization tested too,
        // PostgreSQL read the checkins through a bitmap of two indexes, which revisits every such
        // entry until a vacuum: under steady check-ins that count took 1.5–3 ms, the most of any
        // statement of a check-in.
        let rows = try await connection.rows("""
            SELECT r.*, loc.timezone AS location_zone, o.timezone AS organization_zone,
                   (SELECT count(*) FROM checkins c WHERE c.resource_id = r.id
                      AND c.check_in IS NOT NULL AND c.check_out IS NULL) AS in_progress
            FROM resources r
            JOIN organizations o ON o.id = r.organization_id
            JOIN locations loc ON loc.organization_id = r.organization_id AND loc.id = r.location_id
            WHERE r.organization_id = \(organizationID) AND r.id = ANY(\(resourceIDs))
              AND r.deleted_at IS NULL
            """, logger: logger)
        var presence: [UUID: Presence] = [:]
        for row in rows {
            let resource = try Resource(row: row)
            // The organization's zone is UTC when invalid, as `Organization.zone` reads it.
            let zone = Location.zone(try row.value("location_zone"),
                                     else: TimeZone(identifier: try row.value("organization_zone")) ?? .gmt)
            presence[resource.id] = Presence(resource: resource, timeZone: zone, visits: [],
                                             inProgress: Int(try row.value("in_progress", as: Int64.self)))
        }
        // The visits themselves only where they might leave no room (`Presence.mayBeFull`).
        let full = Presence.mayBeFull(presence, for: arrivals)
        if !full.isEmpty {
            for row in try await connection.rows("""
                SELECT c.resource_id, c.id, b.number FROM checkins c LEFT JOIN bookings b ON b.id = c.booking_id
                WHERE c.organization_id = \(organizationID) AND c.resource_id = ANY(\(full))
                  AND c.check_in IS NOT NULL AND c.check_out IS NULL
                """, logger: logger) {
                presence[try row.value("resource_id")]?.visits.append(
                    Visit(checkinID: try row.value("id"), bookingNumber: try row.value("number")))
            }
        }
        // Lines holding their resources again (check-outs undone), with the write's instant: the
        // lines around them, as a new booking's (read under the same locks).
        let resumed = arrivals.compactMap { arrival in
            arrival.lineHeldAgain.map { line in
                BookingRequest.Line(resourceID: line.resourceID, window: Occupancy.heldWindow(
                    line.window, checkedIn: true, at: arrival.checkin.updatedAt))
            }
        }
        if let now = arrivals.first(where: { $0.lineHeldAgain != nil })?.checkin.updatedAt {
            for row in try await connection.rows(Self.heldLines(around: resumed, organizationID, now: now), logger: logger) {
                presence[try row.value("resource_id")]?.held.append(HeldLine(
                    bookingNumber: try row.value("number"),
                    window: TimeWindow(start: try row.date("starts_at"), end: try row.date("ends_at")),
                    checkedIn: try row.value("checked_in")))
            }
        }
        try Presence.admit(arrivals, into: presence)
        try await admitMembers(arrivals, organizationID, connection)
    }

    /// Each member's visits in progress in the arrival's location, outside bookings (`OpenVisits`),
    /// read under the member's lock, taken after the resources' as a booking's share lock on its
    /// member is: two arrivals of one member take turns, and the second sees the first's visit.
    private func admitMembers(_ arrivals: [Arrival], _ organizationID: UUID, _ connection: PostgresConnection) async throws {
        for arrival in arrivals where OpenVisits.applies(to: arrival) {
            guard let memberID = arrival.checkin.memberID else { continue }
            // Two statements: the second's snapshot, taken once the lock is held, sees what the
            // member's other arrival committed.
            try await connection.run("""
                SELECT 1 FROM members WHERE organization_id = \(organizationID) AND id = \(memberID) FOR NO KEY UPDATE
                """, logger: logger)
            let rows = try await connection.rows("""
                SELECT m.type, o.attendance_settings,
                       array(SELECT c.id FROM checkins c
                             WHERE c.member_id = m.id AND c.location_id = \(arrival.checkin.locationID)
                               AND c.check_in IS NOT NULL AND c.check_out IS NULL AND c.booking_id IS NULL
                               AND c.id <> \(arrival.checkin.id)) AS open
                FROM members m JOIN organizations o ON o.id = m.organization_id
                WHERE m.organization_id = \(organizationID) AND m.id = \(memberID)
                """, logger: logger)
            guard let row = rows.first else { continue }
            let open = try row.value("open", as: [UUID].self)
            guard !open.isEmpty else { continue }
            let settings = try AttendanceSettings(stored: try row.value("attendance_settings"))
            try OpenVisits.admit(arrival, beside: open, limit: settings.openVisits(for: try row.value("type")))
        }
    }
}
