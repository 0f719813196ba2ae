import AsyncAlgorithms
import FrontdeskCore
import FrontdeskEngine
import OpenAPIRuntime
import ServiceLifecycle

/// An event stream in the Server-Sent Events format: per event `event:` its type, `id:` its
/// sequence (what a reconnecting client sends back as `Last-Event-ID`) and `data:` its JSON, and
/// a comment line every `heartbeat` so proxies and clients see a quiet stream is alive (and the
/// server sees a client that went away). The body pulls the next event only when the previous one
/// is written: a slow client holds no backlog. It ends when the server shuts down gracefully, after
/// the event being written and a last comment (`: shutting down`), so a deploy does not wait on
/// its clients and they can tell a stop from a cut; they reconnect with `Last-Event-ID`.
enum ServerSentEvents {
    static let heartbeat: Duration = .seconds(15)
    /// The stream's last line when the server shuts down gracefully.
    static let farewell = ": shutting down\n\n"

    static func body(_ events: EventStream) -> HTTPBody {
        let messages = events.map { event in
            ArraySlice("event: \(event.type.rawValue)\nid: \(event.sequence)\ndata: \(EventWire.json(event))\n\n".utf8)
        }
        let heartbeats = AsyncTimerSequence.repeating(every: heartbeat).map { _ in ArraySlice(": heartbeat\n\n".utf8) }
        let farewell = [ArraySlice(Self.farewell.utf8)].async
        return HTTPBody(chain(merge(messages, heartbeats).cancelOnGracefulShutdown(), farewell),
                        length: .unknown, iterationBehavior: .single)
    }
}
