import Foundation
import Synchronization

/// Wakes the event streams of an organization when its events have committed. A store signals it
/// after each commit that wrote events and takes subscriptions through
/// `FrontdeskStore.notifyEvents(of:to:)`. A signal is only a hint: a woken stream re-reads the
/// outbox after the last sequence it delivered, so signals may be merged, spurious or lost.
public final class EventNotifier: Sendable {
    private let subscribers = Mutex<[UUID: [UUID: AsyncStream<Void>.Continuation]]>([:])

    public init() {}

    /// Yields to `continuation` after events of `organizationID` commit, until it finishes. The
    /// subscriber's stream should keep at most one pending wake-up (`.bufferingNewest(1)`), so a
    /// slow reader is woken once for any number of commits.
    public func subscribe(_ organizationID: UUID, _ continuation: AsyncStream<Void>.Continuation) {
        let token = UUID()
        subscribers.withLock { $0[organizationID, default: [:]][token] = continuation }
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { subscribers in
                subscribers[organizationID]?[token] = nil
                if subscribers[organizationID]?.isEmpty == true { subscribers[organizationID] = nil }
            }
        }
    }

    /// Wakes every subscriber of `organizationID`.
    public func signal(_ organizationID: UUID) {
        let woken = subscribers.withLock { $0[organizationID].map { Array($0.values) } ?? [] }
        for continuation in woken { continuation.yield() }
    }
}
