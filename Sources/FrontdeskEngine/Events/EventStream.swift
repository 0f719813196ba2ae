import Foundation
import FrontdeskCore

/// An organization's events after a sequence, as they commit: first those already stored, then
/// each new one, in sequence order, none missed and none twice. The outbox table is the truth:
/// the organization's feed in this process (`EventFeeds`) reads it once per commit for every
/// stream that follows it, and a stream behind the feed reads the store itself. Iteration ends
/// when its task is cancelled.
public struct EventStream: AsyncSequence, Sendable {
    public typealias Element = Event

    let store: any FrontdeskStore
    let feeds: EventFeeds
    let organizationID: UUID
    /// The last sequence already seen; the stream starts after it.
    let after: Int64
    /// The types to deliver; empty delivers every type.
    let types: Set<EventType>
    /// Who reads: a person limited to some locations is delivered only what happened at them.
    let caller: Caller

    public func makeAsyncIterator() -> Iterator {
        // Subscribe before the first read, so an event committed in between still wakes the reader.
        let subscription = feeds.subscribe(organizationID)
        return Iterator(stream: self, subscription: subscription,
                        waiting: subscription.wakeUps.makeAsyncIterator(), last: after)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let stream: EventStream
        let subscription: EventFeeds.Subscription
        var waiting: AsyncStream<Void>.Iterator
        var last: Int64
        /// Events read but not delivered yet, newest first.
        var pending: [Event] = []

        public mutating func next() async throws -> Event? {
            while pending.isEmpty {
                let page = try await read()
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

        private func read() async throws -> [Event] {
            let (feeds, organizationID, limit) = (stream.feeds, stream.organizationID, Frontdesk.maxEventPage)
            if let page = feeds.events(organizationID, after: last, limit: limit) { return page }
            return try await stream.store.events(organizationID, after: last, limit: limit)
        }
    }
}
