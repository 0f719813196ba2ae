import Foundation
import FrontdeskCore
import FrontdeskEngine

extension PostgresStore {
    public func auditEntries(_ organizationID: UUID, entityID: UUID) async throws -> [AuditEntry] {
        try await query("""
            SELECT * FROM audit_entries WHERE organization_id = \(organizationID) AND entity_id = \(entityID)
            ORDER BY created_at, position
            """).map(AuditEntry.init(row:))
    }

    public func events(_ organizationID: UUID, after sequence: Int64, limit: Int) async throws -> [Event] {
        try await query("""
            SELECT * FROM events WHERE organization_id = \(organizationID) AND sequence > \(sequence)
            ORDER BY sequence LIMIT \(limit)
            """).map(Event.init(row:))
    }
}
