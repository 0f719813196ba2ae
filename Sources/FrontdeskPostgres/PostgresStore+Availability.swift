import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

extension PostgresStore {
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
            holds.lines[resourceID, default: []].append(try HeldLine(row: row))
        }
        return holds
    }
}
