import Foundation
import FrontdeskCore
import FrontdeskEngine

extension PostgresStore: EventStore {
    public func auditEntries(_ organizationID: UUID, entityID: UUID) async throws -> [AuditEntry] {
        try await query("""
            SELECT * FROM audit_entries WHERE organization_id = \(organizationID) AND entity_id = \(entityID)
            ORDER BY created_at, position
            """).map(AuditEntry.init(row:))
    }

    public func auditEntries(_ organizationID: UUID, filter: AuditFilter, page: PageRequest) async throws -> Page<AuditEntry> {
        var conditions: [SQL] = ["organization_id = \(organizationID)"]
        if let entityType = filter.entityType { conditions.append("entity_type = \(entityType)") }
        if let entityID = filter.entityID { conditions.append("entity_id = \(entityID)") }
        if let actorType = filter.actorType { conditions.append("actor_type = \(actorType)") }
        if let actorID = filter.actorID { conditions.append("actor_id = \(actorID)") }
        if let from = filter.from { conditions.append("created_at >= \(from)") }
        if let to = filter.to { conditions.append("created_at < \(to)") }
        if let after = page.after { conditions.append("(created_at, id) > (\(after.createdAt), \(after.id))") }
        let rows = try await query("""
            SELECT * FROM audit_entries WHERE \(SQL(joining: conditions, separator: " AND "))
            ORDER BY created_at, id LIMIT \(page.limit + 1)
            """)
        return Page(fetched: try rows.map(AuditEntry.init(row:)), limit: page.limit) {
            Cursor(createdAt: $0.createdAt, id: $0.id)
        }
    }

    /// Numbered events only: those the sequencer has not numbered yet have no sequence to compare.
    public func events(_ organizationID: UUID, after sequence: Int64, limit: Int) async throws -> [Event] {
        try await query("""
            SELECT * FROM events WHERE organization_id = \(organizationID) AND sequence > \(sequence)
            ORDER BY sequence LIMIT \(limit)
            """).map(Event.init(row:))
    }

    public func lastEventSequence(_ organizationID: UUID) async throws -> Int64 {
        try await query("""
            SELECT COALESCE(MAX(sequence), 0) AS sequence FROM events WHERE organization_id = \(organizationID)
            """).first?.value("sequence") ?? 0
    }
}
