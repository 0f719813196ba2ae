import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore: ReportStore {
    public func activity(_ organizationID: UUID, period: TimeWindow) async throws -> ActivityFacts {
        try await read { db in
            let organization = organizationID.text
            // As availability reads them: the organization's longest line bounds how early a line
            // overlapping the period starts, so `booking_lines_by_time` is read over the period's
            // neighbourhood only.
            let lines = try db.rows("""
                SELECT l.id, l.booking_id, l.resource_id, b.status, l.starts_at, l.ends_at, l.checked_in_at, l.checked_out_at
                FROM booking_lines l INDEXED BY booking_lines_by_time JOIN bookings b ON b.id = l.booking_id
                WHERE l.organization_id = ? AND l.starts_at < ? AND l.ends_at > ?
                  AND l.starts_at > ? - (SELECT longest_line_ms FROM organizations WHERE id = ?)
                """, [organization, period.end.millis, period.start.millis, period.start.millis, organization]) { row in
                ActivityFacts.Line(id: row.uuid(0), bookingID: row.uuid(1), resourceID: row.uuid(2),
                                   status: try row.enumeration(3, "status"),
                                   window: TimeWindow(start: row.date(4), end: row.date(5)),
                                   checkedInAt: row.optionalDate(6), checkedOutAt: row.optionalDate(7))
            }
            // `checkins_by_stay` (migration 0023): the visits that left at or after the period's
            // start, or are still there, that arrived before its end.
            let stays = try db.rows("""
                SELECT c.id, c.resource_id, c.booking_line_id, c.check_in, c.check_out
                FROM checkins c INDEXED BY checkins_by_stay
                WHERE c.organization_id = ? AND c.check_in IS NOT NULL
                  AND \(SQLiteMigrations.stayEnd(of: "c")) >= ? AND c.check_in < ?
                """, [organization, period.start.millis, period.end.millis]) { row in
                ActivityFacts.Stay(checkinID: row.uuid(0), resourceID: row.uuid(1), bookingLineID: row.optionalUUID(2),
                                   checkIn: row.date(3), checkOut: row.optionalDate(4))
            }
            let named = jsonArray(Set(lines.map(\.resourceID)).union(stays.map(\.resourceID)))
            let places = try db.rows("""
                SELECT \(Resource.selected(as: "r")), r.deleted_at FROM resources r
                WHERE r.organization_id = ? AND (r.deleted_at IS NULL OR r.id IN (SELECT value FROM json_each(?)))
                """, [organization, named]) { row in
                ActivityFacts.Place(resource: try Resource(reading: row),
                                    deletedAt: row.optionalDate(Int32(Resource.columnNames.count)))
            }
            let locations = try db.cachedRows(sql: """
                SELECT * FROM locations
                WHERE organization_id = ? AND (deleted_at IS NULL OR id IN (SELECT value FROM json_each(?)))
                """, arguments: [organization, jsonArray(Set(places.map(\.resource.locationID)))], Location.init(row:))
            return ActivityFacts(places: places, locations: locations, lines: lines, stays: stays)
        }
    }
}
