import Foundation
import FrontdeskCore
import GRDB

extension SQLiteMigrations {
    /// Migration 0028: the days of the visits members made before it, each visit's part
    /// (`VisitTally`) read in its location's zone, as its write would have added it; ten thousand
    /// visits at a time, by id.
    static func backfillMemberDays(_ db: Database) throws {
        var after = ""
        while true {
            let visits = try db.rows("""
                SELECT \(Checkin.selected(as: "c")) FROM checkins c
                WHERE c.member_id IS NOT NULL AND c.check_in IS NOT NULL AND c.id > ? ORDER BY c.id LIMIT 10000
                """, [after], Checkin.init(row:))
            guard let last = visits.last else { return }
            after = last.id.text
            for visit in visits { try SQLiteStore.tally(from: nil, to: visit, db) }
        }
    }
}
