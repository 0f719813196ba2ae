import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1

/// HTTP/1 with the WebSocket upgrade (the event stream's `/api/v1/events/ws`), each connection
/// watched by a `ConnectionGuard` placed right behind the request decoder.
struct GuardedHTTPChannel: ServerChildChannel {
    let inner: HTTP1WebSocketUpgradeChannel
    let idleTimeout: Duration
    let readTimeout: Duration

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1WebSocketUpgradeChannel.Value> {
        inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try pipeline.addHandler(ConnectionGuard(idleTimeout: .init(idleTimeout), readTimeout: .init(readTimeout)),
                                    position: .after(decoder))
            return value
        }
    }

    /// The inner channel logs an upgrade negotiation that ended with the connection as an error;
    /// here that is the guard closing a connection whose first request it refused, or a client
    /// leaving early: the client's doing, so the connection's own lines are kept below `error`.
    /// Requests and WebSocket streams log through their own loggers.
    func handle(value: HTTP1WebSocketUpgradeChannel.Value, logger: Logger) async {
        var quiet = logger
        quiet.logLevel = .critical
        await inner.handle(value: value, logger: quiet)
    }
}

extension HTTPServerBuilder {
    /// The server `buildApplication` runs: HTTP/1 with WebSocket upgrades through `webSocketRouter`,
    /// its connections guarded (`ConnectionGuard`).
    static func guardedHTTP1<WebSocketRouter: HTTPResponderBuilder>(
        webSocketRouter: WebSocketRouter, idleTimeout: Duration, readTimeout: Duration
    ) -> HTTPServerBuilder where WebSocketRouter.Responder.Context: WebSocketRequestContext {
        let webSocketResponder = webSocketRouter.buildResponder()
        return HTTPServerBuilder { responder in
            GuardedHTTPChannel(
                inner: HTTP1WebSocketUpgradeChannel(responder: responder, webSocketResponder: webSocketResponder,
                                                    configuration: .init()),
                idleTimeout: idleTimeout, readTimeout: readTimeout)
        }
    }
}
