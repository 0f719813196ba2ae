import Foundation
import FrontdeskCore
import GRDB

extension SQLiteMigrations {
    /// Migration 0028: the days of the visits members made before it, each visit's part
    /// (`VisitTally`) read in its location's zone, as its write would have added it.
    static func backfillMemberDays(_ db: Database) throws {
        let visits = try db.rows("""
            SELECT \(Checkin.selected(as: "c")) FROM checkins c WHERE c.member_id IS NOT NULL AND c.check_in IS NOT NULL
            """, [], Checkin.init(row:))
        for visit in visits { try SQLiteStore.tally(from: nil, to: visit, db) }
    }
}
