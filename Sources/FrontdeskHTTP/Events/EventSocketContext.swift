import FrontdeskEngine
import Hummingbird
import HummingbirdWebSocket
import Synchronization

/// The request context of the WebSocket router. The upgrade check authenticates and opens the
/// event stream (so a bad key or query is an HTTP problem, before any upgrade); `stream` hands it
/// to the socket, through the copies of the context that Hummingbird keeps.
struct EventSocketContext: RequestContext, WebSocketRequestContext {
    var coreContext: CoreRequestContextStorage
    let webSocket: WebSocketHandlerReference<Self>
    let stream: Handoff

    init(source: Source) {
        coreContext = .init(source: source)
        webSocket = .init()
        stream = Handoff()
    }

    final class Handoff: Sendable {
        private let value = Mutex<EventStream?>(nil)

        func put(_ stream: EventStream) { value.withLock { $0 = stream } }
        func take() -> EventStream? { value.withLock { $0.take() } }
    }
}
