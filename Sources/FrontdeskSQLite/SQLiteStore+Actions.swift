import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore: ActionStore {
    public func insertAction(_ action: Action) async throws {
        try await write { db in
            try Self.checkScope(action, db)
            try db.insert(Action.table, action.columns)
            try db.cachedExecute(sql: """
                INSERT INTO action_cursors (organization_id, sequence)
                VALUES (?1, (SELECT COALESCE(MAX(sequence), 0) FROM events WHERE organization_id = ?1)) ON CONFLICT DO NOTHING
                """, arguments: [action.organizationID.text])
        }
    }

    public func action(_ organizationID: UUID, _ id: UUID) async throws -> Action? {
        try await fetch(Action.self, organizationID, id)
    }

    public func actions(_ organizationID: UUID, page: PageRequest) async throws -> Page<Action> {
        try await self.page(Action.self, organizationID, page: page)
    }

    public func updateAction(
        _ organizationID: UUID, _ id: UUID, _ change: @escaping @Sendable (Action) throws -> Action
    ) async throws -> Action {
        try await update(Action.self, organizationID, id, check: Self.checkScope, change)
    }

    public func deleteAction(_ organizationID: UUID, _ id: UUID) async throws -> Bool {
        try await write { db in
            guard try Self.fetch(Action.self, organizationID, id, db) != nil else { return false }
            try Self.softDelete(Action.self, organizationID, id, db)
            return true
        }
    }

    public func dispatchEvents(
        limit: Int, plan: @escaping @Sendable (DispatchBatch) throws -> DispatchPlan,
        ready: @escaping @Sendable (Booking, FreedResource) throws -> BookingChange?
    ) async throws -> Int {
        // One writer at a time: the transaction that reads the cursor is the only one moving it.
        try await write { db in
            guard let (organizationID, sequence) = try db.cachedRow(sql: """
                SELECT c.organization_id, c.sequence FROM action_cursors c
                WHERE (SELECT MAX(sequence) FROM events e WHERE e.organization_id = c.organization_id) > c.sequence LIMIT 1
                """, arguments: [], { ($0.uuid("organization_id"), $0["sequence"] as Int64) }) else { return 0 }
            let events = try db.cachedRows(sql: """
                SELECT * FROM events WHERE organization_id = ? AND sequence > ? ORDER BY sequence LIMIT ?
                """, arguments: [organizationID.text, sequence, limit], Event.init(row:))
            guard let last = events.last else { return 0 }
            let actions = try db.cachedRows(sql: """
                SELECT * FROM actions WHERE organization_id = ? AND deleted_at IS NULL ORDER BY created_at, id
                """, arguments: [organizationID.text], Action.init(row:))
            let resourceIDs = Set(events.flatMap(\.resourceIDs)).map(\.text)
            var locations: [UUID: UUID] = [:]
            if !actions.isEmpty && !resourceIDs.isEmpty {
                // Deleted resources too: what happened to them before still fires.
                let rows = try db.rows(sql: """
                    SELECT id, location_id FROM resources WHERE organization_id = ?
                    AND id IN \(placeholders(resourceIDs.count))
                    """, arguments: StatementArguments([organizationID.text] + resourceIDs)) { ($0.uuid("id"), $0.uuid("location_id")) }
                for (resource, location) in rows { locations[resource] = location }
            }
            let planned = try plan(DispatchBatch(organizationID: organizationID, events: events, actions: actions,
                                                 locations: locations))
            for delivery in planned.deliveries { try db.insert("webhook_deliveries", delivery.columns) }
            for resourceID in planned.dirtyResources {
                try db.cachedExecute(sql: """
                    UPDATE resources SET housekeeping = 'dirty', updated_at = ? WHERE organization_id = ? AND id = ?
                    """, arguments: [planned.now.millis, organizationID.text, resourceID.text])
            }
            // One at a time: a booking readied for one freed resource is ready for the next.
            for freed in planned.freedResources {
                guard let next = try Self.nextBooking(organizationID, freed, db), let change = try ready(next, freed)
                else { continue }
                try self.write(change, previous: next, db)
            }
            try db.cachedExecute(sql: "UPDATE action_cursors SET sequence = ? WHERE organization_id = ?",
                                 arguments: [last.sequence, organizationID.text])
            return events.count
        }
    }

    /// A location or resource scope must name one of the organization's live ones.
    static func checkScope(_ action: Action, _ db: Database) throws {
        let found = switch action.scope {
        case .organization: true
        case .location(let id): try fetch(Location.self, action.organizationID, id, db) != nil
        case .resource(let id): try fetch(Resource.self, action.organizationID, id, db) != nil
        }
        if !found {
            throw FrontdeskError.validationFailed([FieldIssue("scope_id", "is not a \(action.scope.kind) of the organization")])
        }
    }
}
