import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

/// Rows ↔ actions and webhook deliveries.
extension Action {
    init(row: PostgresRandomAccessRow) throws {
        let kind = try row.value("scope", as: String.self)
        guard let scope = ActionScope(kind: kind, targetID: try row.value("scope_id")) else {
            throw UnreadableValue(column: "scope", value: kind)
        }
        self.init(id: try row.value("id"), organizationID: try row.value("organization_id"),
                  trigger: try row.enum("trigger_event"), scope: scope, type: try row.enum("type"),
                  url: try row.value("url"), secret: try row.value("secret"), createdAt: try row.date("created_at"),
                  updatedAt: try row.date("updated_at"))
    }

    var fields: Fields {
        [("id", "\(id)"), ("organization_id", "\(organizationID)"), ("trigger_event", "\(trigger.rawValue)"),
         ("scope", "\(scope.kind)"), ("scope_id", "\(scope.targetID)"), ("type", "\(type.rawValue)"), ("url", "\(url)"),
         ("secret", "\(secret)"), ("created_at", "\(createdAt)"), ("updated_at", "\(updatedAt)")]
    }
}

extension WebhookDelivery {
    init(row: PostgresRandomAccessRow) throws {
        self.init(id: try row.value("id"), organizationID: try row.value("organization_id"),
                  actionID: try row.value("action_id"), eventID: try row.value("event_id"),
                  eventType: try row.enum("event_type"), url: try row.value("url"), payload: try row.value("payload"),
                  status: try row.enum("status"), attempts: try row.value("attempts"),
                  nextAttemptAt: try row.optionalDate("next_attempt_at"), expiresAt: try row.date("expires_at"),
                  lastStatusCode: try row.value("last_status_code"), lastError: try row.value("last_error"),
                  deliveredAt: try row.optionalDate("delivered_at"), createdAt: try row.date("created_at"),
                  updatedAt: try row.date("updated_at"))
    }

    var fields: Fields {
        [("id", "\(id)"), ("organization_id", "\(organizationID)"), ("action_id", "\(actionID)"),
         ("event_id", "\(eventID)"), ("event_type", "\(eventType.rawValue)"), ("url", "\(url)"),
         ("payload", "\(payload)"), ("status", "\(status.rawValue)"), ("attempts", "\(attempts)"),
         ("next_attempt_at", "\(nextAttemptAt)"), ("expires_at", "\(expiresAt)"),
         ("last_status_code", "\(lastStatusCode)"), ("last_error", "\(lastError)"), ("delivered_at", "\(deliveredAt)"),
         ("created_at", "\(createdAt)"), ("updated_at", "\(updatedAt)")]
    }
}
