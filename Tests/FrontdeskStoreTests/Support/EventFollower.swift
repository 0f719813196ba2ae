import FrontdeskCore
import FrontdeskEngine

/// Follows an event stream in a task of its own, so a test can write while the stream waits for
/// the next commit, and hands the events over in order.
struct EventFollower {
    private var received: AsyncThrowingStream<Event, any Error>.Iterator
    private let task: Task<Void, Never>

    init(_ stream: EventStream) {
        let (events, continuation) = AsyncThrowingStream<Event, any Error>.makeStream()
        task = Task {
            do {
                for try await event in stream { continuation.yield(event) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        received = events.makeAsyncIterator()
    }

    /// The next `count` events (fewer only if the stream ends).
    mutating func next(_ count: Int) async throws -> [Event] {
        var events: [Event] = []
        while events.count < count, let event = try await received.next() { events.append(event) }
        return events
    }

    /// Cancels the following task, which ends the stream.
    func stop() { task.cancel() }
}
