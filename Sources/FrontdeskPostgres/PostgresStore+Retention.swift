import Foundation
import FrontdeskEngine

extension PostgresStore: RetentionStore {
    public func organizationIDs() async throws -> [UUID] {
        try await query("SELECT id FROM organizations").map { try $0.value("id") }
    }

    /// From the oldest `limit` numbered events by sequence (one range of `events_by_sequence`),
    /// those created before `cutoff`; events the sequencer has not numbered yet are never old.
    public func purgeEvents(_ organizationID: UUID, createdBefore cutoff: Date, limit: Int) async throws -> Int {
        try await count("""
            DELETE FROM events WHERE organization_id = \(organizationID) AND created_at < \(cutoff)
            AND sequence <= (SELECT MAX(sequence) FROM (
                SELECT sequence, created_at FROM events WHERE organization_id = \(organizationID) AND sequence IS NOT NULL
                ORDER BY sequence LIMIT \(limit)) oldest WHERE created_at < \(cutoff))
            AND sequence < (SELECT MAX(sequence) FROM events WHERE organization_id = \(organizationID))
            AND sequence <= COALESCE((SELECT sequence FROM action_cursors WHERE organization_id = \(organizationID)), sequence)
            """)
    }

    public func purgeAuditEntries(_ organizationID: UUID, createdBefore cutoff: Date, limit: Int) async throws -> Int {
        try await count("""
            DELETE FROM audit_entries WHERE id IN (
                SELECT id FROM audit_entries WHERE organization_id = \(organizationID) AND created_at < \(cutoff)
                ORDER BY created_at, id LIMIT \(limit))
            """)
    }

    /// By `checkins_by_stay` (migration 0023): the visits whose stay lies wholly before `cutoff`.
    public func purgeVisits(_ organizationID: UUID, endedBefore cutoff: Date, limit: Int) async throws -> Int {
        _ = try await count("""
            DELETE FROM scan_nonces WHERE organization_id = \(organizationID) AND nonce IN (
                SELECT nonce FROM scan_nonces WHERE organization_id = \(organizationID) AND created_at < \(cutoff)
                ORDER BY created_at LIMIT \(limit))
            """)
        return try await count("""
            DELETE FROM checkins WHERE id IN (
                SELECT id FROM checkins
                WHERE organization_id = \(organizationID) AND check_in IS NOT NULL AND booking_id IS NULL
                  AND \(raw: PostgresMigrations.stay()) << tstzrange(\(cutoff), NULL)
                LIMIT \(limit))
            """)
    }

    /// How many rows a `DELETE` removed, in its own transaction.
    private func count(_ delete: SQL) async throws -> Int {
        let rows = try await query("WITH gone AS (\(delete) RETURNING 1) SELECT count(*)::int AS n FROM gone")
        return try rows.first?.value("n") ?? 0
    }
}
