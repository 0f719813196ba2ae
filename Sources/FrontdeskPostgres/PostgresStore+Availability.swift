import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

extension PostgresStore {
    public func bookableResources(
        _ organizationID: UUID, filter: ResourceFilter, window: TimeWindow
    ) async throws -> [BookableResource] {
        let conditions: [SQL] = ["r.organization_id = \(organizationID)", "r.deleted_at IS NULL"]
            + Self.conditions(filter, alias: "r")
        // One row per resource and line holding it in the window; a resource nobody holds comes
        // once, with NULL `held_*`. The lines are the organization's in the window, found at once
        // by the index on tstzrange(…, '[)') (see the migration), then matched to the resources.
        let rows = try await query("""
            SELECT r.*, loc.timezone AS location_zone, o.timezone AS organization_zone,
                   held.booking_number AS held_number, held.starts_at AS held_starts_at, held.ends_at AS held_ends_at
            FROM resources r
            JOIN organizations o ON o.id = r.organization_id
            JOIN locations loc ON loc.organization_id = r.organization_id AND loc.id = r.location_id
            LEFT JOIN (
                SELECT l.resource_id, l.booking_number, l.starts_at, l.ends_at FROM booking_lines l
                WHERE l.organization_id = \(organizationID) AND l.state <> 'released'
                  AND tstzrange(l.starts_at, l.ends_at, '[)') && tstzrange(\(window.start), \(window.end))
            ) held ON held.resource_id = r.id
            WHERE \(SQL(joining: conditions, separator: " AND "))
            ORDER BY r.name COLLATE "C", r.id
            """)
        var resources: [BookableResource] = []
        for row in rows {
            let id: UUID = try row.value("id")
            if resources.last?.resource.id != id {
                resources.append(BookableResource(resource: try Resource(row: row), timeZone: try Self.zone(row), held: []))
            }
            if let number = try row.value("held_number", as: String?.self) {
                resources[resources.count - 1].held.append(HeldLine(
                    bookingNumber: number,
                    window: TimeWindow(start: try row.date("held_starts_at"), end: try row.date("held_ends_at"))))
            }
        }
        return resources
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

    /// The location's time zone, else the organization's (itself UTC when invalid).
    static func zone(_ location: String?, else organization: TimeZone) -> TimeZone {
        location.flatMap(TimeZone.init(identifier:)) ?? organization
    }

    /// The zone of a row with `location_zone` and `organization_zone`.
    private static func zone(_ row: PostgresRandomAccessRow) throws -> TimeZone {
        zone(try row.value("location_zone"), else: TimeZone(identifier: try row.value("organization_zone")) ?? .gmt)
    }
}
