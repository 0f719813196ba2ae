import Foundation
import FrontdeskAPI
import FrontdeskCore

extension Components.Schemas.Action {
    /// The action as the API shows it; the secret only when `revealingSecret` (the create response).
    init(_ action: Action, revealingSecret: Bool = false) {
        self.init(
            id: action.id.text, trigger: .init(rawValue: action.trigger.rawValue)!,
            _type: .init(rawValue: action.type.rawValue)!, scope: .init(rawValue: action.scope.kind)!,
            scopeId: action.scope.targetID?.text, url: action.url, secret: revealingSecret ? action.secret : nil,
            createdAt: action.createdAt, updatedAt: action.updatedAt)
    }
}

extension Components.Schemas.WebhookDelivery {
    init(_ delivery: WebhookDelivery) {
        self.init(
            id: delivery.id.text, actionId: delivery.actionID.text, eventId: delivery.eventID.text,
            eventType: .init(rawValue: delivery.eventType.rawValue)!, url: delivery.url,
            status: .init(rawValue: delivery.status.rawValue)!, attempts: delivery.attempts,
            nextAttemptAt: delivery.nextAttemptAt, lastStatusCode: delivery.lastStatusCode,
            lastError: delivery.lastError, deliveredAt: delivery.deliveredAt, createdAt: delivery.createdAt,
            updatedAt: delivery.updatedAt)
    }
}
