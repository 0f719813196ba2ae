import Foundation
import FrontdeskEngine
import Synchronization

/// The organizations whose events the writer's open transaction wrote: their event streams are
/// woken once it commits and is on disk, by one call from the writer instead of an observer per
/// write (GRDB consults every transaction observer on each later statement of the batch). A
/// transaction that rolls back leaves its organizations for the next commit: a spurious wake-up
/// is harmless.
final class PendingWakeUps: Sendable {
    private let organizations = Mutex<Set<UUID>>([])
    private let notifier: EventNotifier

    init(_ notifier: EventNotifier) {
        self.notifier = notifier
    }

    func add(_ organizationID: UUID) {
        organizations.withLock { _ = $0.insert(organizationID) }
    }

    /// Called on the writer's queue after each commit: the organizations it wrote events of, and
    /// what wakes their streams once the commit is on disk.
    func committed() -> @Sendable () -> Void {
        let woken = organizations.withLock { pending in defer { pending = [] }; return pending }
        return { [notifier] in
            for organizationID in woken { notifier.signal(organizationID) }
        }
    }
}
