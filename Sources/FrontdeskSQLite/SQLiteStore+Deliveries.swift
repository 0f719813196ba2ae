import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore {
    public func claimDueDeliveries(now: Date, leaseUntil: Date, limit: Int) async throws -> [ClaimedDelivery] {
        try await write { db in
            let due = try db.cachedRows(sql: """
                SELECT d.*, a.secret FROM webhook_deliveries d JOIN actions a ON a.id = d.action_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at LIMIT ?
                """, arguments: [now.millis, limit]) { row in (try WebhookDelivery(row: row), row["secret"] as String? ?? "") }
            return try due.map { delivery, secret in
                var delivery = delivery
                delivery.nextAttemptAt = leaseUntil.truncatedToMilliseconds
                try db.cachedExecute(sql: "UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ?",
                                     arguments: [leaseUntil.millis, delivery.id.text])
                return ClaimedDelivery(delivery: delivery, secret: secret)
            }
        }
    }

    public func webhookDeliveries(
        _ organizationID: UUID, filter: DeliveryFilter, page: PageRequest
    ) async throws -> Page<WebhookDelivery> {
        var clauses = ["d.organization_id = ?"]
        var arguments: [(any DatabaseValueConvertible)?] = [organizationID.text]
        if let actionID = filter.actionID {
            clauses.append("d.action_id = ?")
            arguments.append(actionID.text)
        }
        for (column, values) in [("status", filter.statuses.map(\.rawValue)), ("event_type", filter.eventTypes.map(\.rawValue))]
        where !values.isEmpty {
            clauses.append("d.\(column) IN \(placeholders(values.count))")
            arguments += values
        }
        let query = Self.pageQuery("webhook_deliveries", as: "d", where: clauses, arguments, page: page)
        let deliveries = try await read { db in
            try db.rows(sql: query.sql, arguments: query.arguments, WebhookDelivery.init(row:))
        }
        return Page(fetched: deliveries, limit: page.limit) { Cursor(createdAt: $0.createdAt, id: $0.id) }
    }

    public func changeDelivery(
        _ organizationID: UUID, _ id: UUID,
        _ change: @escaping @Sendable (WebhookDelivery) throws -> WebhookDelivery
    ) async throws -> WebhookDelivery {
        try await write { db in
            guard let delivery = try db.cachedRow(sql: "SELECT * FROM webhook_deliveries WHERE organization_id = ? AND id = ?",
                                                  arguments: [organizationID.text, id.text], WebhookDelivery.init(row:))
            else { throw FrontdeskError.notFound(entity: "webhook_delivery", id: id.text) }
            let next = try change(delivery)
            try db.update("webhook_deliveries", next.columns)
            return next
        }
    }
}
