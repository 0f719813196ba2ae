import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore {
    /// Organization by organization (CROSS JOIN keeps that order), the due bookings come from the
    /// `bookings_due` index: a range of confirmed bookings that have started, and the few pending
    /// ones (`+created_at` keeps the planner off the by-creation index, which holds every booking).
    /// Each is kept when its location's desk settings make it due (its first line's location's,
    /// each setting else the organization's, as `LocationSettings.resolved(over:)` has it).
    public func dueBookings(now: Date, limit: Int) async throws -> [DueBooking] {
        try await read { db in
            try db.cachedRows(sql: """
                SELECT b.organization_id, b.id, 'no_show' AS action,
                       COALESCE(l.no_show_grace_minutes, o.no_show_grace_minutes) AS grace
                FROM organizations o CROSS JOIN bookings b \(Self.bookingLocation)
                WHERE b.organization_id = o.id AND b.status = 'confirmed' AND b.starts_at <= :now
                  AND b.starts_at <= :now - COALESCE(l.no_show_grace_minutes, o.no_show_grace_minutes) * 60000
                  AND COALESCE(l.auto_no_show, o.auto_no_show) = 1
                  AND NOT EXISTS (SELECT 1 FROM checkins c WHERE c.booking_id = b.id AND c.check_in IS NOT NULL)
                UNION ALL
                SELECT b.organization_id, b.id, 'expire' AS action,
                       COALESCE(l.no_show_grace_minutes, o.no_show_grace_minutes) AS grace
                FROM organizations o CROSS JOIN bookings b \(Self.bookingLocation)
                WHERE b.organization_id = o.id AND b.status = 'pending'
                  AND +b.created_at <= :now - COALESCE(l.pending_hold_minutes, o.pending_hold_minutes) * 60000
                LIMIT :limit
                """, arguments: ["now": now.millis, "limit": limit]) { row in
                DueBooking(organizationID: row.uuid("organization_id"), bookingID: row.uuid("id"),
                           action: try row.enumeration("action"),
                           noShowGrace: TimeInterval(row["grace"] as Int) * 60)
            }
        }
    }

    /// A due booking's location (`l`): its first line's resource's.
    private static let bookingLocation = """
        JOIN booking_lines bl ON bl.booking_id = b.id AND bl.position = 0
        JOIN resources r ON r.id = bl.resource_id JOIN locations l ON l.id = r.location_id
        """
}
