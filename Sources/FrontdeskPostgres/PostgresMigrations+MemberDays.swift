import Foundation
import FrontdeskCore
import Logging
import PostgresNIO

extension PostgresMigrations {
    /// Migration 0028: the days of the visits members made before it, each visit's part
    /// (`VisitTally`) read in its location's zone, as its write would have added it; ten thousand
    /// visits at a time, by id.
    static func backfillMemberDays(_ connection: PostgresConnection, logger: Logger) async throws {
        var after: UUID?
        while true {
            let rows = try await connection.rows("""
                SELECT c.*, l.timezone AS location_zone, o.timezone AS organization_zone
                FROM checkins c JOIN organizations o ON o.id = c.organization_id JOIN locations l ON l.id = c.location_id
                WHERE c.member_id IS NOT NULL AND c.check_in IS NOT NULL AND (\(after)::uuid IS NULL OR c.id > \(after))
                ORDER BY c.id LIMIT 10000
                """, logger: logger)
            guard let last = rows.last else { return }
            after = try last.value("id")
            let tallies = VisitTally.merged(try rows.flatMap { row in
                let zone = Location.zone(try row.value("location_zone"),
                                         else: TimeZone(identifier: try row.value("organization_zone")) ?? .gmt)
                return VisitTally.changes(from: nil, to: try Checkin(row: row)) { _ in zone }
            })
            for start in stride(from: 0, to: tallies.count, by: 1_000) {
                let chunk = Array(tallies[start..<min(start + 1_000, tallies.count)])
                try await connection.run("WITH \(PostgresStore.moving(chunk))done AS (SELECT 1) SELECT 1", logger: logger)
            }
        }
    }
}
