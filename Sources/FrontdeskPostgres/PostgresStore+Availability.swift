import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

extension PostgresStore {
    public func catalog(_ organizationID: UUID) async throws -> Catalog {
        // The version row comes first and once; the resources (if any) join it.
        let rows = try await query("""
            SELECT v.version AS catalog_version, r.*, loc.timezone AS location_zone,
                   \(LocationSettings.selected(as: "loc", prefix: "location_"))
            FROM (SELECT coalesce((SELECT version FROM catalog_versions WHERE organization_id = \(organizationID)), 0) AS version) v
            LEFT JOIN (resources r JOIN locations loc ON loc.organization_id = r.organization_id AND loc.id = r.location_id)
                   ON r.organization_id = \(organizationID) AND r.deleted_at IS NULL
            ORDER BY r.name COLLATE "C", r.id
            """)
        var catalog = Catalog(version: try rows.first?.value("catalog_version") ?? 0, resources: [])
        for row in rows where try row.value("id", as: UUID?.self) != nil {
            catalog.resources.append((try Resource(row: row), try row.value("location_zone"),
                                      try LocationSettings(row: row, prefix: "location_")))
        }
        return catalog
    }

    public func holds(_ organizationID: UUID, window: TimeWindow, now: Date) async throws -> Holds {
        // The lines are the organization's in the window, found at once by the index on
        // tstzrange(…, '[)') (see the migration); with them, the lines checked in that ended before
        // the window and by `now` (`Occupancy.heldWindow` decides whether they hold on); the
        // version comes with each row, or alone.
        let overdueBy = min(window.start, now)
        let rows = try await query("""
            SELECT v.version AS catalog_version, held.resource_id, held.booking_number, held.starts_at, held.ends_at,
                   held.checked_in
            FROM (SELECT coalesce((SELECT version FROM catalog_versions WHERE organization_id = \(organizationID)), 0) AS version) v
            LEFT JOIN (
                SELECT l.resource_id, l.booking_number, l.starts_at, l.ends_at, l.state = 'occupied' AS checked_in
                FROM booking_lines l
                WHERE l.organization_id = \(organizationID) AND l.state <> 'released'
                  AND tstzrange(l.starts_at, l.ends_at, '[)') && tstzrange(\(window.start), \(window.end))
                UNION ALL
                SELECT l.resource_id, l.booking_number, l.starts_at, l.ends_at, true FROM booking_lines l
                WHERE l.organization_id = \(organizationID) AND l.state = 'occupied' AND l.ends_at <= \(overdueBy)
            ) held ON true
            """)
        var holds = Holds(catalogVersion: try rows.first?.value("catalog_version") ?? 0, lines: [:])
        for row in rows {
            guard let resourceID = try row.value("resource_id", as: UUID?.self) else { continue }
            holds.lines[resourceID, default: []].append(HeldLine(
                bookingNumber: try row.value("booking_number"),
                window: TimeWindow(start: try row.date("starts_at"), end: try row.date("ends_at")),
                checkedIn: try row.value("checked_in")))
        }
        return holds
    }

    public func resourceDesks(_ organizationID: UUID, _ resourceIDs: [UUID]) async throws -> [UUID: LocalDesk] {
        guard let organization = try await organization(organizationID) else {
            throw FrontdeskError.notFound(entity: "organization", id: organizationID.text)
        }
        let rows = try await query("""
            SELECT r.id, loc.timezone AS location_zone, \(LocationSettings.selected(as: "loc", prefix: "location_"))
            FROM resources r
            JOIN locations loc ON loc.organization_id = r.organization_id AND loc.id = r.location_id
            WHERE r.organization_id = \(organizationID) AND r.id = ANY(\(resourceIDs)) AND r.deleted_at IS NULL
            """)
        return Dictionary(uniqueKeysWithValues: try rows.map { row in
            (try row.value("id"), LocalDesk(zone: try row.value("location_zone"),
                                            settings: try LocationSettings(row: row, prefix: "location_"), in: organization))
        })
    }

    public func dueBookings(now: Date, limit: Int) async throws -> [DueBooking] {
        try await query("""
            SELECT b.organization_id, b.id, 'no_show' AS action,
                   COALESCE(loc.no_show_grace_minutes, o.no_show_grace_minutes) AS grace
            FROM organizations o
            JOIN bookings b ON b.organization_id = o.id AND b.status = 'confirmed' AND b.starts_at <= \(now)
            \(Self.bookingLocation)
            WHERE b.starts_at <= \(now)::timestamptz
                    - make_interval(mins => COALESCE(loc.no_show_grace_minutes, o.no_show_grace_minutes))
              AND COALESCE(loc.auto_no_show, o.auto_no_show)
              AND NOT EXISTS (SELECT 1 FROM checkins c WHERE c.booking_id = b.id AND c.check_in IS NOT NULL)
            UNION ALL
            SELECT b.organization_id, b.id, 'expire' AS action,
                   COALESCE(loc.no_show_grace_minutes, o.no_show_grace_minutes) AS grace
            FROM organizations o
            JOIN bookings b ON b.organization_id = o.id AND b.status = 'pending'
            \(Self.bookingLocation)
            WHERE b.created_at <= \(now)::timestamptz
                    - make_interval(mins => COALESCE(loc.pending_hold_minutes, o.pending_hold_minutes))
            LIMIT \(limit)
            """).map { row in
            DueBooking(organizationID: try row.value("organization_id"), bookingID: try row.value("id"),
                       action: try row.enum("action"), noShowGrace: TimeInterval(try row.value("grace") as Int) * 60)
        }
    }

    /// A due booking's location (`loc`), its first line's resource's: the desk settings it is due by
    /// are each the location's, else the organization's (`LocationSettings.resolved(over:)`).
    private static let bookingLocation: SQL = """
        JOIN booking_lines bl ON bl.booking_id = b.id AND bl.position = 0
        JOIN resources r ON r.id = bl.resource_id
        JOIN locations loc ON loc.organization_id = r.organization_id AND loc.id = r.location_id
        """
}
