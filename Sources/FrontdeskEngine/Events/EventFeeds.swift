import Foundation
import FrontdeskCore
import Logging
import Synchronization

/// The newest events of each organization that has event streams in this process, read from the
/// outbox once per commit and shared by those streams. Without it each stream read the outbox
/// itself on every wake-up: a commit cost a read per subscriber, and a thousand subscribers on
/// PostgreSQL took the pool's connections from the writes.
///
/// A feed starts where the outbox ends when its first stream subscribes, follows it on the store's
/// notifications and a periodic poll, keeps its newest `kept` events, and ends with its last
/// stream. It holds every event after `floor` up to its newest, read as `events(after:)` reads
/// them, so a stream whose last sequence is in that range reads its next page here; a stream
/// behind the floor (catching up, or slower than `kept` events) or ahead of the feed reads the
/// store itself, as before.
final class EventFeeds: Sendable {
    static let kept = Frontdesk.maxEventPage

    private struct Feed {
        /// Where the outbox ended when the feed started; nil until it has been read.
        var floor: Int64?
        /// The events after `floor`, oldest first, at most `kept`.
        var recent: [Event] = []
        var readers: [UUID: AsyncStream<Void>.Continuation] = [:]
        var following: Task<Void, Never>?

        var newest: Int64? { recent.last?.sequence ?? floor }

        /// The position of the first event after `sequence` in `recent` (binary search).
        func index(after sequence: Int64) -> Int {
            var (low, high) = (recent.startIndex, recent.endIndex)
            while low < high {
                let middle = (low + high) / 2
                if recent[middle].sequence > sequence { high = middle } else { low = middle + 1 }
            }
            return low
        }

        mutating func append(_ page: [Event]) {
            recent += page
            let excess = recent.count - EventFeeds.kept
            guard excess > 0 else { return }
            floor = recent[excess - 1].sequence
            recent.removeFirst(excess)
        }
    }

    private let store: any FrontdeskStore
    private let pollInterval: Duration
    private let logger: Logger
    private let feeds = Mutex<[UUID: Feed]>([:])

    init(store: any FrontdeskStore, pollInterval: Duration, logger: Logger) {
        self.store = store
        self.pollInterval = pollInterval
        self.logger = logger
    }

    /// A subscription to `organizationID`'s feed: its stream is woken, at most one wake-up pending,
    /// whenever the feed has read new events. It ends when the subscription goes away.
    final class Subscription: Sendable {
        let wakeUps: AsyncStream<Void>
        private let leave: @Sendable () -> Void

        fileprivate init(wakeUps: AsyncStream<Void>, leave: @escaping @Sendable () -> Void) {
            self.wakeUps = wakeUps
            self.leave = leave
        }

        deinit { leave() }
    }

    func subscribe(_ organizationID: UUID) -> Subscription {
        let (wakeUps, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let token = UUID()
        feeds.withLock { feeds in
            var feed = feeds[organizationID] ?? Feed()
            feed.readers[token] = continuation
            if feed.following == nil { feed.following = Task { await self.follow(organizationID) } }
            feeds[organizationID] = feed
        }
        return Subscription(wakeUps: wakeUps) { [weak self] in
            continuation.finish()
            self?.leave(organizationID, token)
        }
    }

    /// The events after `sequence`, at most `limit`, when the feed holds every one of them (empty:
    /// none yet); nil when the stream must read the store itself.
    func events(_ organizationID: UUID, after sequence: Int64, limit: Int) -> [Event]? {
        feeds.withLock { feeds in
            guard let feed = feeds[organizationID], let floor = feed.floor, let newest = feed.newest,
                  (floor...newest).contains(sequence) else { return nil }
            let first = feed.index(after: sequence)
            return Array(feed.recent[first..<min(first + limit, feed.recent.endIndex)])
        }
    }

    private func leave(_ organizationID: UUID, _ token: UUID) {
        let ended = feeds.withLock { feeds -> Task<Void, Never>? in
            feeds[organizationID]?.readers[token] = nil
            guard let feed = feeds[organizationID], feed.readers.isEmpty else { return nil }
            feeds[organizationID] = nil
            return feed.following
        }
        ended?.cancel()
    }

    /// Applies `change` to the organization's feed and, when it says the feed moved, wakes its streams.
    private func advance(_ organizationID: UUID, _ change: (inout Feed) -> Bool) {
        let woken = feeds.withLock { feeds -> [AsyncStream<Void>.Continuation] in
            guard feeds[organizationID] != nil, change(&feeds[organizationID]!) else { return [] }
            return Array(feeds[organizationID]!.readers.values)
        }
        for reader in woken { reader.yield() }
    }

    /// Reads the outbox on each of the store's notifications and each poll, until cancelled.
    private func follow(_ organizationID: UUID) async {
        let (ticks, tick) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        store.notifyEvents(of: organizationID, to: tick)
        await withDiscardingTaskGroup { group in
            group.addTask { [pollInterval] in
                while (try? await Task.sleep(for: pollInterval)) != nil { tick.yield() }
            }
            tick.yield()
            for await _ in ticks { await read(organizationID) }
            group.cancelAll()
        }
        tick.finish()
    }

    /// Reads what committed since the feed's newest event and wakes the feed's streams. A read
    /// that fails is logged; the next notification or poll reads again.
    private func read(_ organizationID: UUID) async {
        do {
            while let start = feeds.withLock({ $0[organizationID].map(\.newest) }) {
                guard let after = start else {
                    // A stream that read the store before the feed began waits for a wake-up that
                    // the commits it missed may have sent before the feed listened: wake it.
                    let last = try await store.lastEventSequence(organizationID)
                    advance(organizationID) { feed in
                        guard feed.floor == nil else { return false }
                        feed.floor = last
                        return true
                    }
                    continue
                }
                let page = try await store.events(organizationID, after: after, limit: Frontdesk.maxEventPage)
                guard !page.isEmpty else { return }
                advance(organizationID) { feed in
                    guard feed.newest == after else { return false }
                    feed.append(page)
                    return true
                }
                guard page.count == Frontdesk.maxEventPage else { return }
            }
        } catch {
            logger.debug("reading the event feed failed", metadata: ["organization": "\(organizationID)", "error": "\(error)"])
        }
    }
}
