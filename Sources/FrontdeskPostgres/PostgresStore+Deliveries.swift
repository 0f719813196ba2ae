import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

extension PostgresStore {
    public func claimDueDeliveries(now: Date, leaseUntil: Date, limit: Int) async throws -> [ClaimedDelivery] {
        // One statement: the due rows another worker is claiming are skipped, not waited for.
        try await query("""
            UPDATE webhook_deliveries d SET next_attempt_at = \(leaseUntil) FROM actions a
            WHERE a.id = d.action_id AND d.id IN (
                SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= \(now)
                ORDER BY next_attempt_at LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING d.*, a.secret
            """).map { row in
            ClaimedDelivery(delivery: try WebhookDelivery(row: row), secret: try row.value("secret", as: String?.self) ?? "")
        }
    }

    public func webhookDeliveries(
        _ organizationID: UUID, filter: DeliveryFilter, page: PageRequest
    ) async throws -> Page<WebhookDelivery> {
        var conditions: [SQL] = ["organization_id = \(organizationID)"]
        if !filter.statuses.isEmpty { conditions.append("status = ANY(\(filter.statuses.map(\.rawValue)))") }
        if let actionID = filter.actionID { conditions.append("action_id = \(actionID)") }
        if !filter.eventTypes.isEmpty { conditions.append("event_type = ANY(\(filter.eventTypes.map(\.rawValue)))") }
        if let after = page.after { conditions.append("(created_at, id) > (\(after.createdAt), \(after.id))") }
        let rows = try await query("""
            SELECT * FROM webhook_deliveries WHERE \(SQL(joining: conditions, separator: " AND "))
            ORDER BY created_at, id LIMIT \(page.limit + 1)
            """)
        return Page(fetched: try rows.map(WebhookDelivery.init(row:)), limit: page.limit) {
            Cursor(createdAt: $0.createdAt, id: $0.id)
        }
    }

    public func changeDelivery(
        _ organizationID: UUID, _ id: UUID,
        _ change: @escaping @Sendable (WebhookDelivery) throws -> WebhookDelivery
    ) async throws -> WebhookDelivery {
        try await transaction { connection in
            guard let row = try await connection.rows("""
                SELECT * FROM webhook_deliveries WHERE organization_id = \(organizationID) AND id = \(id) FOR UPDATE
                """, logger: self.logger).first
            else { throw FrontdeskError.notFound(entity: "webhook_delivery", id: id.text) }
            let next = try change(try WebhookDelivery(row: row))
            try await connection.run("""
                \(SQL.update("webhook_deliveries", next.fields)) WHERE organization_id = \(organizationID) AND id = \(id)
                """, logger: self.logger)
            return next
        }
    }
}
