import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

extension PostgresStore: ReportStore {
    public func activity(_ organizationID: UUID, period: TimeWindow) async throws -> ActivityFacts {
        try await transaction { connection in
            // One snapshot: the visits of a line read with it, the resources of what was read.
            try await connection.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
            // The lines overlapping the period, from `booking_lines_by_organization`'s GiST index of
            // their windows (migration 0001).
            let lines = try await connection.rows("""
                SELECT l.id, l.booking_id, l.resource_id, b.status, l.starts_at, l.ends_at, l.checked_in_at, l.checked_out_at
                FROM booking_lines l JOIN bookings b ON b.id = l.booking_id
                WHERE l.organization_id = \(organizationID)
                  AND tstzrange(l.starts_at, l.ends_at, '[)') && tstzrange(\(period.start), \(period.end), '[)')
                """, logger: logger).map { row in
                ActivityFacts.Line(id: try row.value("id"), bookingID: try row.value("booking_id"),
                                   resourceID: try row.value("resource_id"), status: try row.enum("status"),
                                   window: TimeWindow(start: try row.date("starts_at"), end: try row.date("ends_at")),
                                   checkedInAt: try row.optionalDate("checked_in_at"),
                                   checkedOutAt: try row.optionalDate("checked_out_at"))
            }
            // The visits whose stay, check-in to check-out (or without end), meets the period: from
            // `checkins_by_stay`'s GiST index of it (migration 0023).
            let stays = try await connection.rows("""
                SELECT c.id, c.resource_id, c.booking_line_id, c.check_in, c.check_out FROM checkins c
                WHERE c.organization_id = \(organizationID) AND c.check_in IS NOT NULL
                  AND \(raw: PostgresMigrations.stay(of: "c")) && tstzrange(\(period.start), \(period.end), '[)')
                """, logger: logger).map { row in
                ActivityFacts.Stay(checkinID: try row.value("id"), resourceID: try row.value("resource_id"),
                                   bookingLineID: try row.value("booking_line_id"), checkIn: try row.date("check_in"),
                                   checkOut: try row.optionalDate("check_out"))
            }
            let named = Array(Set(lines.map(\.resourceID)).union(stays.map(\.resourceID)))
            let places = try await connection.rows("""
                SELECT r.* FROM resources r
                WHERE r.organization_id = \(organizationID) AND (r.deleted_at IS NULL OR r.id = ANY(\(named)))
                """, logger: logger).map { row in
                ActivityFacts.Place(resource: try Resource(row: row), deletedAt: try row.optionalDate("deleted_at"))
            }
            let located = Array(Set(places.map(\.resource.locationID)))
            let locations = try await connection.rows("""
                SELECT * FROM locations
                WHERE organization_id = \(organizationID) AND (deleted_at IS NULL OR id = ANY(\(located)))
                """, logger: logger).map(Location.init(row:))
            return ActivityFacts(places: places, locations: locations, lines: lines, stays: stays)
        }
    }
}
