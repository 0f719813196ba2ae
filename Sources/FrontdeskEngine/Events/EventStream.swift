import Foundation
import FrontdeskCore

/// An organization's events after a sequence, as they commit: first those already stored, then
/// each new one, in sequence order, none missed and none twice. The outbox table is the truth: the
/// store's notifications and a periodic poll only say when to read it again, so a lost
/// notification delays an event by one poll at most. Iteration ends when its task is cancelled.
public struct EventStream: AsyncSequence, Sendable {
    public typealias Element = Event

    let store: any FrontdeskStore
    let organizationID: UUID
    /// The last sequence already seen; the stream starts after it.
    let after: Int64
    /// The types to deliver; empty delivers every type.
    let types: Set<EventType>
    /// Who reads: a person limited to some locations is delivered only what happened at them.
    let caller: Caller
    let pollInterval: Duration

    public func makeAsyncIterator() -> Iterator {
        // Subscribe before the first read, so an event committed in between still wakes the reader.
        let wakeUps = WakeUps(store, organizationID, every: pollInterval)
        return Iterator(stream: self, wakeUps: wakeUps, waiting: wakeUps.stream.makeAsyncIterator(), last: after)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let stream: EventStream
        let wakeUps: WakeUps
        var waiting: AsyncStream<Void>.Iterator
        var last: Int64
        /// Events read but not delivered yet, newest first.
        var pending: [Event] = []

        public mutating func next() async throws -> Event? {
            while pending.isEmpty {
                let page = try await stream.store.events(stream.organizationID, after: last, limit: Frontdesk.maxEventPage)
                guard let newest = page.last else {
                    guard await waiting.next() != nil else { return nil }
                    continue
                }
                last = newest.sequence
                pending = page.filter { (stream.types.isEmpty || stream.types.contains($0.type)) && stream.caller.sees($0) }
                    .reversed()
            }
            return pending.popLast()
        }
    }

    /// One reader's wake-ups: the store's notifications and a periodic tick, at most one pending.
    /// The store yields straight into the reader's stream, so a commit wakes the reader in one hop.
    /// They stop when the reader's iterator goes away.
    final class WakeUps: Sendable {
        let stream: AsyncStream<Void>
        private let continuation: AsyncStream<Void>.Continuation
        private let ticking: Task<Void, Never>

        init(_ store: any FrontdeskStore, _ organizationID: UUID, every pollInterval: Duration) {
            let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
            self.stream = stream
            self.continuation = continuation
            store.notifyEvents(of: organizationID, to: continuation)
            ticking = Task {
                while (try? await Task.sleep(for: pollInterval)) != nil { continuation.yield() }
            }
        }

        deinit {
            ticking.cancel()
            continuation.finish()
        }
    }
}
