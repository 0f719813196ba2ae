import Foundation
import FrontdeskAPI
import FrontdeskCore

extension Components.Schemas.Action {
    /// The action as the API shows it; the secret only when `revealingSecret` (the create response).
    init(_ action: Action, revealingSecret: Bool = false) throws {
        self.init(
            id: action.id.text, trigger: try .init(matching: action.trigger),
            _type: try .init(matching: action.type), scope: try .init(action.scope),
            scopeId: action.scope.targetID?.text, url: action.url, secret: revealingSecret ? action.secret : nil,
            createdAt: action.createdAt, updatedAt: action.updatedAt)
    }
}

extension Components.Schemas.WebhookDelivery {
    init(_ delivery: WebhookDelivery) throws {
        self.init(
            id: delivery.id.text, actionId: delivery.actionID.text, eventId: delivery.eventID.text,
            eventType: try .init(matching: delivery.eventType), url: delivery.url,
            status: try .init(matching: delivery.status), attempts: delivery.attempts,
            nextAttemptAt: delivery.nextAttemptAt, lastStatusCode: delivery.lastStatusCode,
            lastError: delivery.lastError, deliveredAt: delivery.deliveredAt, createdAt: delivery.createdAt,
            updatedAt: delivery.updatedAt)
    }
}
