import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

extension PostgresStore: ActionStore {
    public func insertAction(_ action: Action) async throws {
        try await transaction { connection in
            try await self.checkScope(action, connection)
            try await connection.run("""
                WITH action AS (\(SQL.insert(into: Action.table, action.fields)))
                INSERT INTO action_cursors (organization_id, sequence)
                SELECT \(action.organizationID),
                       COALESCE((SELECT last_sequence FROM event_sequences WHERE organization_id = \(action.organizationID)), 0)
                ON CONFLICT DO NOTHING
                """, logger: self.logger)
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
        try await update(Action.self, organizationID, id, check: checkScope, change)
    }

    public func deleteAction(_ organizationID: UUID, _ id: UUID) async throws -> Bool {
        try await !query("""
            UPDATE actions SET deleted_at = now()
            WHERE organization_id = \(organizationID) AND id = \(id) AND deleted_at IS NULL RETURNING id
            """).isEmpty
    }

    public func dispatchEvents(
        limit: Int, plan: @escaping @Sendable (DispatchBatch) throws -> DispatchPlan,
        ready: @escaping @Sendable (Booking, FreedResource) throws -> BookingChange?
    ) async throws -> Int {
        // Events committed by a process that stopped before numbering them.
        try await numberStrays()
        let (count, readied) = try await transaction { connection -> (Int, UUID?) in
            // The cursor row is the organization's dispatch lock: another process skips it.
            guard let cursor = try await connection.rows("""
                SELECT c.organization_id, c.sequence FROM action_cursors c JOIN event_sequences s USING (organization_id)
                WHERE s.last_sequence > c.sequence LIMIT 1 FOR UPDATE OF c SKIP LOCKED
                """, logger: self.logger).first else { return (0, nil) }
            let organizationID = try cursor.value("organization_id", as: UUID.self)
            let events = try await connection.rows("""
                SELECT * FROM events WHERE organization_id = \(organizationID)
                AND sequence > \(try cursor.value("sequence", as: Int64.self)) ORDER BY sequence LIMIT \(limit)
                """, logger: self.logger).map(Event.init(row:))
            guard let last = events.last else { return (0, nil) }
            let actions = try await connection.rows("""
                SELECT * FROM actions WHERE organization_id = \(organizationID) AND deleted_at IS NULL
                ORDER BY created_at, id
                """, logger: self.logger).map(Action.init(row:))
            let resourceIDs = Array(Set(events.flatMap(\.resourceIDs)))
            var locations: [UUID: UUID] = [:]
            if !actions.isEmpty && !resourceIDs.isEmpty {
                // Deleted resources too: what happened to them before still fires.
                for row in try await connection.rows("""
                    SELECT id, location_id FROM resources WHERE organization_id = \(organizationID) AND id = ANY(\(resourceIDs))
                    """, logger: self.logger) {
                    locations[try row.value("id")] = try row.value("location_id")
                }
            }
            let planned = try plan(DispatchBatch(organizationID: organizationID, events: events, actions: actions,
                                                 locations: locations))
            if !planned.deliveries.isEmpty {
                try await connection.run(.insert(into: "webhook_deliveries", rows: planned.deliveries.map(\.fields)),
                                         logger: self.logger)
            }
            // The organization, then each booking, as every booking write locks them. One at a
            // time: a booking readied once is ready.
            if !planned.freedResources.isEmpty { try await self.lockOrganization(organizationID, connection) }
            var readied: UUID?
            for freed in planned.freedResources {
                guard let next = try await self.lockNextBooking(organizationID, freed, connection),
                      let change = try ready(next, freed) else { continue }
                try await self.write(change, connection)
                readied = organizationID
            }
            // Then the resources, in id order: the last locks of every writer that holds the
            // organization's (visits are admitted on them, see `admit`).
            for resourceID in planned.dirtyResources.sorted(by: { $0.text < $1.text }) {
                try await connection.run("""
                    UPDATE resources SET housekeeping = 'dirty', updated_at = \(planned.now)
                    WHERE organization_id = \(organizationID) AND id = \(resourceID)
                    """, logger: self.logger)
            }
            try await connection.run("""
                UPDATE action_cursors SET sequence = \(last.sequence) WHERE organization_id = \(organizationID)
                """, logger: self.logger)
            return (events.count, readied)
        }
        // A readied booking's events, as any write's.
        if let readied { await numberEvents(readied) }
        return count
    }

    /// A location or resource scope must name one of the organization's live ones.
    private func checkScope(_ action: Action, _ connection: PostgresConnection) async throws {
        let select: SQL? = switch action.scope {
        case .organization: nil
        case .location(let id): Self.select(Location.self, action.organizationID, id)
        case .resource(let id): Self.select(Resource.self, action.organizationID, id)
        }
        guard let select else { return }
        if try await connection.rows(select, logger: logger).isEmpty {
            throw FrontdeskError.validationFailed([FieldIssue("scope_id", "is not a \(action.scope.kind) of the organization")])
        }
    }
}
