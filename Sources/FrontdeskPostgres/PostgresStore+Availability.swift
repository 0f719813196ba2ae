import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

extension PostgresStore {
    public func catalog(_ organizationID: UUID) async throws -> Catalog {
        // The version row comes first and once; the resources (if any) join it.
        let rows = try await query("""
            SELECT v.version AS catalog_version, r.*, loc.timezone AS location_zone
            FROM (SELECT coalesce((SELECT version FROM catalog_versions WHERE organization_id = \(organizationID)), 0) AS version) v
            LEFT JOIN (resources r JOIN locations loc ON loc.organization_id = r.organization_id AND loc.id = r.location_id)
                   ON r.organization_id = \(organizationID) AND r.deleted_at IS NULL
            ORDER BY r.name COLLATE "C", r.id
            """)
        var catalog = Catalog(version: try rows.first?.value("catalog_version") ?? 0, resources: [])
        for row in rows where try row.value("id", as: UUID?.self) != nil {
            catalog.resources.append((try Resource(row: row), try row.value("location_zone")))
        }
        return catalog
    }

    public func holds(_ organizationID: UUID, window: TimeWindow) async throws -> Holds {
        // The lines are the organization's in the window, found at once by the index on
        // tstzrange(…, '[)') (see the migration); the version comes with each row, or alone.
        let rows = try await query("""
            SELECT v.version AS catalog_version, held.resource_id, held.booking_number, held.starts_at, held.ends_at
            FROM (SELECT coalesce((SELECT version FROM catalog_versions WHERE organization_id = \(organizationID)), 0) AS version) v
            LEFT JOIN (
                SELECT l.resource_id, l.booking_number, l.starts_at, l.ends_at FROM booking_lines l
                WHERE l.organization_id = \(organizationID) AND l.state <> 'released'
                  AND tstzrange(l.starts_at, l.ends_at, '[)') && tstzrange(\(window.start), \(window.end))
            ) held ON true
            """)
        var holds = Holds(catalogVersion: try rows.first?.value("catalog_version") ?? 0, lines: [:])
        for row in rows {
            guard let resourceID = try row.value("resource_id", as: UUID?.self) else { continue }
            holds.lines[resourceID, default: []].append(HeldLine(
                bookingNumber: try row.value("booking_number"),
                window: TimeWindow(start: try row.date("starts_at"), end: try row.date("ends_at"))))
        }
        return holds
    }

    public func resourceZones(_ organizationID: UUID, _ resourceIDs: [UUID]) async throws -> [UUID: TimeZone] {
        let rows = try await query("""
            SELECT r.id, loc.timezone AS location_zone, o.timezone AS organization_zone
            FROM resources r
            JOIN organizations o ON o.id = r.organization_id
            JOIN locations loc ON loc.organization_id = r.organization_id AND loc.id = r.location_id
            WHERE r.organization_id = \(organizationID) AND r.id = ANY(\(resourceIDs)) AND r.deleted_at IS NULL
            """)
        return Dictionary(uniqueKeysWithValues: try rows.map { (try $0.value("id"), try Self.zone($0)) })
    }

    public func dueBookings(now: Date, limit: Int) async throws -> [DueBooking] {
        try await query("""
            SELECT b.organization_id, b.id, 'no_show' AS action FROM organizations o
            JOIN bookings b ON b.organization_id = o.id AND b.status = 'confirmed'
             AND b.starts_at <= \(now)::timestamptz - make_interval(mins => o.no_show_grace_minutes)
            UNION ALL
            SELECT b.organization_id, b.id, 'expire' AS action FROM organizations o
            JOIN bookings b ON b.organization_id = o.id AND b.status = 'pending'
             AND b.created_at <= \(now)::timestamptz - make_interval(mins => o.pending_hold_minutes)
            LIMIT \(limit)
            """).map { row in
            DueBooking(organizationID: try row.value("organization_id"), bookingID: try row.value("id"),
                       action: try row.enum("action"))
        }
    }

    /// The zone of a row with `location_zone` and `organization_zone`.
    private static func zone(_ row: PostgresRandomAccessRow) throws -> TimeZone {
        // The organization's zone is UTC when invalid, as `Organization.zone` reads it.
        Location.zone(try row.value("location_zone"), else: TimeZone(identifier: try row.value("organization_zone")) ?? .gmt)
    }
}
