import NIOCore
import NIOHTTP1

/// Keeps each HTTP/1 connection answerable and bounded. It sits right behind the request decoder,
/// ahead of the WebSocket upgrade and Hummingbird's handlers, and:
/// - answers a request the decoder cannot read (a NUL in a header, both `Content-Length` and
///   `Transfer-Encoding`, TLS bytes on the plain port …) with `400`, or `431` when its head is too
///   large, then closes: without it, a bad first request left the upgrade negotiation waiting and
///   the connection open, unanswered;
/// - closes the connection after the response when the request asked for no keep-alive
///   (`HTTP/1.0` without `Connection: keep-alive`, or `Connection: close`);
/// - closes a connection whose next request head has not arrived in full within `idleTimeout`
///   (an idle keep-alive connection, or a head sent slowly), and one whose request body stops
///   arriving for `readTimeout`;
/// - closes idle connections at once when the server shuts down, and the others after their
///   answer (before its first request, a connection is not yet Hummingbird's to close).
/// A connection that upgrades to a WebSocket leaves it at its first request: the frames after it
/// are not HTTP.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let idleTimeout: TimeAmount
    private let readTimeout: TimeAmount
    private var timer: Scheduled<Void>?
    private var requests = 0
    private var unanswered = 0
    private var readingBody = false
    private var keepAlive = true
    /// The answer owed to a request that could not be read, sent once those before it are answered.
    private var refusal: HTTPResponseStatus?

    init(idleTimeout: TimeAmount, readTimeout: TimeAmount) {
        self.idleTimeout = idleTimeout
        self.readTimeout = readTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        arm(idleTimeout, context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            requests += 1
            if requests == 1 && head.headers.contains(name: "upgrade") {
                context.fireChannelRead(data)
                context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
                return
            }
            keepAlive = head.isKeepAlive
            unanswered += 1
            readingBody = true
            arm(readTimeout, context)
        case .body:
            arm(readTimeout, context)
        case .end:
            readingBody = false
            disarm()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head) where head.status.code >= 200:
            if head.headers[canonicalForm: "connection"].contains(where: { $0.lowercased() == "close" }) { keepAlive = false }
            context.write(data, promise: promise)
        case .end:
            unanswered -= 1
            if let refusal, unanswered == 0 {
                context.write(data, promise: promise)
                refuse(refusal, context)
            } else if keepAlive {
                context.write(data, promise: promise)
                if !readingBody { arm(idleTimeout, context) }
            } else {
                let written = promise ?? context.eventLoop.makePromise()
                context.writeAndFlush(data, promise: written)
                written.futureResult.hop(to: context.eventLoop).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            }
        default:
            context.write(data, promise: promise)
        }
    }

    /// A server shutting down asks its connections to finish: one waiting for a request closes
    /// now, one answering closes after its answer.
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent {
            keepAlive = false
            if unanswered == 0 && !readingBody { context.close(promise: nil) }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let error = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        // A request that cannot be read ends the connection: it is answered after the requests
        // before it, then the connection closes. The error goes no further, so nothing else
        // answers it a second time.
        disarm()
        let status: HTTPResponseStatus = error == .headerOverflow ? .requestHeaderFieldsTooLarge : .badRequest
        if readingBody && unanswered > 0 {
            // It broke off inside a request being answered: no answer can follow that one.
            refusal = nil
            context.close(promise: nil)
        } else if unanswered > 0 {
            refusal = status
        } else {
            refuse(status, context)
        }
    }

    private func refuse(_ status: HTTPResponseStatus, _ context: ChannelHandlerContext) {
        let head = HTTPResponseHead(version: .http1_1, status: status,
                                    headers: ["Connection": "close", "Content-Length": "0"])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    private func arm(_ timeout: TimeAmount, _ context: ChannelHandlerContext) {
        disarm()
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: timeout) { loopBound.value.close(promise: nil) }
    }

    private func disarm() {
        timer?.cancel()
        timer = nil
    }
}

@available(*, unavailable)
extension ConnectionGuard: Sendable {}
