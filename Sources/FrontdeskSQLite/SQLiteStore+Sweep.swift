import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore {
    public func locationDesks() async throws -> [LocationDesk] {
        try await read { db in
            let organizationColumns = Int32(Organization.columnNames.count)
            return try db.rows("""
                SELECT \(Organization.selected(as: "o")), l.id, \(LocationSettings.selected(as: "l"))
                FROM locations l JOIN organizations o ON o.id = l.organization_id
                """, []) { row in
                LocationDesk(organizationID: row.uuid(0), locationID: row.uuid(organizationColumns),
                             organization: try Organization(row: row).desk,
                             location: LocationSettings(row: row, at: organizationColumns + 1))
            }
        }
    }

    /// Location by location, from the `bookings_due` index: a range of confirmed bookings that have
    /// started, and the few pending ones.
    public func dueBookings(_ bounds: [DueBounds], limit: Int) async throws -> [DueBooking] {
        try await read { db in
            var due: [DueBooking] = []
            for bound in bounds where due.count < limit {
                let found = { (action: BookingAction) in { (row: DirectRow) in
                    DueBooking(organizationID: bound.organizationID, bookingID: row.uuid(0), action: action,
                               noShowGrace: bound.noShowGrace)
                } }
                if let startedBy = bound.noShowStartedBy {
                    due += try db.rows("""
                        SELECT b.id FROM bookings b
                        WHERE b.location_id = ? AND b.status = 'confirmed' AND b.starts_at <= ?
                          AND NOT EXISTS (SELECT 1 FROM checkins c WHERE c.booking_id = b.id AND c.check_in IS NOT NULL)
                        LIMIT ?
                        """, [bound.locationID.text, startedBy.millis, limit - due.count], found(.noShow))
                }
                due += try db.rows("""
                    SELECT id FROM bookings WHERE location_id = ? AND status = 'pending' AND created_at <= ? LIMIT ?
                    """, [bound.locationID.text, bound.expireCreatedBy.millis, max(0, limit - due.count)], found(.expire))
            }
            return due
        }
    }
}
