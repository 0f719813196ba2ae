import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore: EventStore {
    /// Writes a change's audit entries and its outbox events, in the caller's transaction. Each
    /// event takes the organization's next sequence number, one past its last event's (a seek to
    /// the end of the events' primary key: the one writer makes it race-free, and an event rolled
    /// back with its savepoint frees its number); the event streams of the organization are woken
    /// once the transaction commits.
    func record(_ change: some RecordedChange, _ db: Database) throws {
        for audit in change.audits {
            try db.run("""
                INSERT INTO audit_entries (id, organization_id, entity_type, entity_id, action, actor_type, actor_id,
                                           actor_name, before, after, reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [audit.id.text, audit.organizationID.text, audit.entityType, audit.entityID.text, audit.action,
                      audit.actor.type, audit.actor.id, audit.actor.name, audit.before, audit.after, audit.reason,
                      audit.createdAt.millis])
        }
        let organizationID = change.organizationID.text
        for event in change.events {
            try db.run("""
                INSERT INTO events (organization_id, sequence, id, type, entity_type, entity_id, data, created_at)
                VALUES (?1, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM events WHERE organization_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7)
                """, [organizationID, event.id.text, event.type.rawValue, event.entityType,
                      event.entityID.text, event.data, event.createdAt.millis])
        }
        wakeUps.add(change.organizationID)
    }

    public func auditEntries(_ organizationID: UUID, entityID: UUID) async throws -> [AuditEntry] {
        try await read { db in
            try db.cachedRows(sql: """
                SELECT * FROM audit_entries WHERE organization_id = ? AND entity_id = ? ORDER BY created_at, rowid
                """, arguments: [organizationID.text, entityID.text], AuditEntry.init(row:))
        }
    }

    public func auditEntries(_ organizationID: UUID, filter: AuditFilter, page: PageRequest) async throws -> Page<AuditEntry> {
        var clauses = ["a.organization_id = ?"]
        var arguments: [(any DatabaseValueConvertible)?] = [organizationID.text]
        for (condition, value) in [("a.entity_type = ?", filter.entityType), ("a.entity_id = ?", filter.entityID?.text),
                                   ("a.actor_type = ?", filter.actorType), ("a.actor_id = ?", filter.actorID)] {
            guard let value else { continue }
            clauses.append(condition)
            arguments.append(value)
        }
        for (condition, instant) in [("a.created_at >= ?", filter.from), ("a.created_at < ?", filter.to)] {
            guard let instant else { continue }
            clauses.append(condition)
            arguments.append(instant.millis)
        }
        let query = Self.pageQuery("audit_entries", as: "a", where: clauses, arguments, page: page)
        let entries = try await read { db in try db.rows(sql: query.sql, arguments: query.arguments, AuditEntry.init(row:)) }
        return Page(fetched: entries, limit: page.limit) { Cursor(createdAt: $0.createdAt, id: $0.id) }
    }

    /// Events leave the server (streams, the event list) only once on disk (`WALSync`): a commit
    /// is visible a moment before its sync ends.
    public func events(_ organizationID: UUID, after sequence: Int64, limit: Int) async throws -> [Event] {
        let events = try await read { db in
            try db.cachedRows(sql: """
                SELECT * FROM events WHERE organization_id = ? AND sequence > ? ORDER BY sequence LIMIT ?
                """, arguments: [organizationID.text, sequence, limit], Event.init(row:))
        }
        await durability.durable()
        return events
    }

    public func lastEventSequence(_ organizationID: UUID) async throws -> Int64 {
        let sequence = try await read { db in
            try db.cachedValue(Int64.self, sql: "SELECT COALESCE(MAX(sequence), 0) FROM events WHERE organization_id = ?",
                               arguments: [organizationID.text]) ?? 0
        }
        await durability.durable()
        return sequence
    }

    public func notifyEvents(of organizationID: UUID, to wakeUp: AsyncStream<Void>.Continuation) {
        notifier.subscribe(organizationID, wakeUp)
    }
}
