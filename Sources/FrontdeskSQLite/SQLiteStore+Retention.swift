import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore: RetentionStore {
    public func organizationIDs() async throws -> [UUID] {
        try await read { db in try db.cachedRows(sql: "SELECT id FROM organizations", arguments: [], { $0.uuid("id") }) }
    }

    /// From the oldest `limit` events by sequence (one range of the primary key, whatever the
    /// organization holds), those created before `cutoff`.
    public func purgeEvents(_ organizationID: UUID, createdBefore cutoff: Date, limit: Int) async throws -> Int {
        try await write { db in
            try db.cachedExecute(sql: """
                DELETE FROM events WHERE organization_id = ?1 AND created_at < ?2
                AND sequence <= (SELECT MAX(sequence) FROM (
                    SELECT sequence, created_at FROM events WHERE organization_id = ?1 ORDER BY sequence LIMIT ?3)
                    WHERE created_at < ?2)
                AND sequence < (SELECT MAX(sequence) FROM events WHERE organization_id = ?1)
                AND sequence <= COALESCE((SELECT sequence FROM action_cursors WHERE organization_id = ?1), sequence)
                """, arguments: [organizationID.text, cutoff.millis, limit])
            return db.changesCount
        }
    }

    public func purgeAuditEntries(_ organizationID: UUID, createdBefore cutoff: Date, limit: Int) async throws -> Int {
        try await write { db in
            try db.cachedExecute(sql: """
                DELETE FROM audit_entries WHERE rowid IN (
                    SELECT rowid FROM audit_entries WHERE organization_id = ? AND created_at < ? ORDER BY created_at, id LIMIT ?)
                """, arguments: [organizationID.text, cutoff.millis, limit])
            return db.changesCount
        }
    }

    /// By `checkins_by_stay` (migration 0023), the visits that ended first.
    public func purgeVisits(_ organizationID: UUID, endedBefore cutoff: Date, limit: Int) async throws -> Int {
        try await write { db in
            try db.cachedExecute(sql: """
                DELETE FROM checkins WHERE id IN (
                    SELECT id FROM checkins INDEXED BY checkins_by_stay
                    WHERE organization_id = ?1 AND check_in IS NOT NULL AND \(SQLiteMigrations.stayEnd()) < ?2
                      AND booking_id IS NULL
                    ORDER BY \(SQLiteMigrations.stayEnd()) LIMIT ?3)
                """, arguments: [organizationID.text, cutoff.millis, limit])
            let visits = db.changesCount
            try db.cachedExecute(sql: """
                DELETE FROM scan_nonces WHERE organization_id = ?1 AND nonce IN (
                    SELECT nonce FROM scan_nonces INDEXED BY scan_nonces_by_age WHERE organization_id = ?1 AND created_at < ?2
                    ORDER BY created_at LIMIT ?3)
                """, arguments: [organizationID.text, cutoff.millis, limit])
            return visits
        }
    }
}
