import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func listEvents(_ input: Operations.ListEvents.Input) async throws -> Operations.ListEvents.Output {
        let after = input.query.after ?? 0
        let events = try await frontdesk.events(try caller, after: after, limit: input.query.limit ?? 100)
        let page = EventPageJSON(items: events.map(EventJSON.init), next_after: events.last?.sequence ?? after)
        return .ok(.init(body: .json(try Bridge.api(page))))
    }
}

struct EventPageJSON: Encodable {
    var items: [EventJSON]
    var next_after: Int64
}

/// An outbox event as the API (and later the streams and webhooks) show it.
struct EventJSON: Encodable {
    var id: UUID
    var sequence: Int64
    var type: String
    var entity_type: String
    var entity_id: UUID
    var created_at: Date
    var data: RawJSON

    init(_ event: Event) {
        id = event.id
        sequence = event.sequence
        type = event.type.rawValue
        entity_type = event.entityType
        entity_id = event.entityID
        created_at = event.createdAt
        data = RawJSON(event.data) ?? .null
    }
}
