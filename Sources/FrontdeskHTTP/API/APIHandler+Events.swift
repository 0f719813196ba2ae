import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func listEvents(_ input: Operations.ListEvents.Input) async throws -> Operations.ListEvents.Output {
        let after = input.query.after ?? 0
        let events = try await frontdesk.events(try caller, after: after, limit: input.query.limit ?? 100)
        return .ok(.init(body: .json(.init(items: try events.map(Components.Schemas.Event.init),
                                           nextAfter: events.last?.sequence ?? after))))
    }

    func streamEvents(_ input: Operations.StreamEvents.Input) async throws -> Operations.StreamEvents.Output {
        let events = try frontdesk.eventStream(
            try caller, after: input.headers.lastEventID ?? input.query.after ?? 0,
            types: try EventWire.types(input.query.types ?? []))
        return .ok(.init(body: .textEventStream(ServerSentEvents.body(events))))
    }
}
