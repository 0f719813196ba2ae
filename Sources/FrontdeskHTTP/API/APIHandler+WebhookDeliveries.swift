import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func listWebhookDeliveries(
        _ input: Operations.ListWebhookDeliveries.Input
    ) async throws -> Operations.ListWebhookDeliveries.Output {
        let query = input.query
        let page = try await frontdesk.webhookDeliveries(
            try caller,
            filter: DeliveryFilter(statuses: (query.status ?? []).compactMap { DeliveryStatus(rawValue: $0.rawValue) },
                                   actionID: try Read.uuidIfPresent(query.actionId, "action_id"),
                                   eventTypes: (query.eventType ?? []).compactMap { EventType(rawValue: $0.rawValue) }),
            page: try PageRequest(limit: query.limit, cursor: query.cursor, list: .webhookDeliveries))
        return .ok(.init(body: .json(.init(items: try page.items.map { try .init($0) }, nextCursor: page.nextCursor(in: .webhookDeliveries)))))
    }

    func retryWebhookDelivery(
        _ input: Operations.RetryWebhookDelivery.Input
    ) async throws -> Operations.RetryWebhookDelivery.Output {
        let delivery = try await frontdesk.retryDelivery(try caller, try Read.pathID(input.path.id, "webhook_delivery"))
        return .ok(.init(body: .json(try .init(delivery))))
    }
}
