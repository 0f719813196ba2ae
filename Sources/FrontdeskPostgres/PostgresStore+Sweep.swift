import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

extension PostgresStore {
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
