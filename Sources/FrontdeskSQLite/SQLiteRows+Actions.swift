import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

/// Rows ↔ actions and webhook deliveries.
extension Action {
    init(row: Row) throws {
        let kind: String = row["scope"]
        guard let scope = ActionScope(kind: kind, targetID: row.optionalUUID("scope_id")) else {
            throw UnreadableValue(column: "scope", value: kind)
        }
        self.init(id: row.uuid("id"), organizationID: row.uuid("organization_id"),
                  trigger: try row.enumeration("trigger_event"), scope: scope,
                  type: try row.enumeration("type"), url: row["url"], secret: row["secret"],
                  createdAt: row.date("created_at"), updatedAt: row.date("updated_at"))
    }

    var columns: Columns {
        ["id": id.text, "organization_id": organizationID.text, "trigger_event": trigger.rawValue,
         "scope": scope.kind, "scope_id": scope.targetID?.text, "type": type.rawValue, "url": url, "secret": secret,
         "created_at": createdAt.millis, "updated_at": updatedAt.millis]
    }
}

extension WebhookDelivery {
    init(row: Row) throws {
        self.init(id: row.uuid("id"), organizationID: row.uuid("organization_id"), actionID: row.uuid("action_id"),
                  eventID: row.uuid("event_id"), eventType: try row.enumeration("event_type"),
                  url: row["url"], payload: row["payload"], status: try row.enumeration("status"),
                  attempts: row["attempts"], nextAttemptAt: row.optionalDate("next_attempt_at"),
                  expiresAt: row.date("expires_at"), lastStatusCode: row["last_status_code"],
                  lastError: row["last_error"], deliveredAt: row.optionalDate("delivered_at"),
                  createdAt: row.date("created_at"), updatedAt: row.date("updated_at"))
    }

    var columns: Columns {
        ["id": id.text, "organization_id": organizationID.text, "action_id": actionID.text, "event_id": eventID.text,
         "event_type": eventType.rawValue, "url": url, "payload": payload, "status": status.rawValue,
         "attempts": attempts, "next_attempt_at": nextAttemptAt?.millis, "expires_at": expiresAt.millis,
         "last_status_code": lastStatusCode, "last_error": lastError, "delivered_at": deliveredAt?.millis,
         "created_at": createdAt.millis, "updated_at": updatedAt.millis]
    }
}
