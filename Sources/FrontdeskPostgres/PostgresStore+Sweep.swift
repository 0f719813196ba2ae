import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

extension PostgresStore {
    public func locationDesks() async throws -> [LocationDesk] {
        try await query("""
            SELECT o.*, loc.id AS location_id, \(LocationSettings.selected(as: "loc", prefix: "location_"))
            FROM locations loc JOIN organizations o ON o.id = loc.organization_id
            """).map { row in
            LocationDesk(organizationID: try row.value("id"), locationID: try row.value("location_id"),
                         organization: try Organization(row: row).desk,
                         location: try LocationSettings(row: row, prefix: "location_"))
        }
    }

    /// All locations at once, each bound a row of arrays unnested: from the partial indexes of
    /// confirmed bookings by start and pending ones by creation, per location.
    public func dueBookings(_ bounds: [DueBounds], limit: Int) async throws -> [DueBooking] {
        let byLocation = Dictionary(bounds.map { ($0.locationID, $0) }) { first, _ in first }
        let noShows = bounds.filter { $0.noShowStartedBy != nil }
        return try await query("""
            (SELECT b.id, b.location_id, 'no_show' AS action
             FROM unnest(\(noShows.map(\.locationID)), \(noShows.map { $0.noShowStartedBy! })) AS d(location_id, started_by)
             JOIN bookings b ON b.location_id = d.location_id AND b.status = 'confirmed' AND b.starts_at <= d.started_by
             WHERE NOT EXISTS (SELECT 1 FROM checkins c WHERE c.booking_id = b.id AND c.check_in IS NOT NULL)
             LIMIT \(limit))
            UNION ALL
            (SELECT b.id, b.location_id, 'expire' AS action
             FROM unnest(\(bounds.map(\.locationID)), \(bounds.map(\.expireCreatedBy))) AS d(location_id, created_by)
             JOIN bookings b ON b.location_id = d.location_id AND b.status = 'pending' AND b.created_at <= d.created_by
             LIMIT \(limit))
            LIMIT \(limit)
            """).compactMap { row in
            guard let bound = byLocation[try row.value("location_id")] else { return nil }
            return DueBooking(organizationID: bound.organizationID, bookingID: try row.value("id"),
                              action: try row.enum("action"), noShowGrace: bound.noShowGrace)
        }
    }
}
