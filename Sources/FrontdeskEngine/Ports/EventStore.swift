import Foundation
import FrontdeskCore

/// What writes leave behind to read: the audit trail and the outbox's events, and the wake-ups
/// of event streams.
public protocol EventStore: Sendable {
    func auditEntries(_ organizationID: UUID, entityID: UUID) async throws -> [AuditEntry]
    /// A page of the organization's audit entries matching `filter`, in creation order.
    func auditEntries(_ organizationID: UUID, filter: AuditFilter, page: PageRequest) async throws -> Page<AuditEntry>
    func events(_ organizationID: UUID, after sequence: Int64, limit: Int) async throws -> [Event]
    /// The sequence of the organization's newest event (0: none yet).
    func lastEventSequence(_ organizationID: UUID) async throws -> Int64
    /// Yields to `wakeUp` after each commit that wrote events of the organization (see
    /// `EventNotifier`): through this store and, where the database can tell, through any other
    /// process on the same database, until `wakeUp` finishes. A hint to re-read `events(after:)`,
    /// never the events themselves.
    func notifyEvents(of organizationID: UUID, to wakeUp: AsyncStream<Void>.Continuation)
}
