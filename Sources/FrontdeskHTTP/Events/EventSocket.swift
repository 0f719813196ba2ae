import FrontdeskCore
import FrontdeskEngine
import Hummingbird
import HummingbirdWebSocket

/// `GET /api/v1/events/ws?after=SEQ&types=…`: the organization's events over WebSocket, one JSON
/// text message per event (as `/api/v1/events` returns it), resumable with `after`. Needs `event:read`.
enum EventSocket {
    static let path = "/api/v1/events/ws"

    static func register(on router: Router<EventSocketContext>, frontdesk: Frontdesk) {
        router.ws(RouterPath(path)) { request, context in
            let query = request.uri.queryParameters
            guard let after = query["after"].map({ Int64($0) }) ?? 0 else {
                throw FrontdeskError.malformedRequest("after must be an integer.")
            }
            context.stream.put(try frontdesk.eventStream(
                try RequestCaller.require(), after: after, types: try EventWire.types(query.getAll("types"))))
            return .upgrade()
        } onUpgrade: { inbound, outbound, context in
            guard let events = context.requestContext.stream.take() else { return }
            // Until the client goes away or the stream fails, whichever comes first.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { for try await _ in inbound {} }
                group.addTask {
                    for try await event in events { try await outbound.write(.text(EventWire.json(event))) }
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }
}
