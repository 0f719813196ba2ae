import Foundation

/// Purging events and audit entries past their retention, oldest first and a batch per call: each
/// call is one short transaction, so a writer waits for one batch at most.
public protocol RetentionStore: Sendable {
    /// Every organization's id.
    func organizationIDs() async throws -> [UUID]
    /// Deletes up to `limit` of the organization's oldest events created before `cutoff`, and
    /// returns how many. It keeps the organization's newest event (sequences go on from it) and
    /// every event its actions have not dispatched yet (after its action cursor), so that a reader
    /// resuming after a kept `sequence` and the dispatcher both read on as before.
    func purgeEvents(_ organizationID: UUID, createdBefore cutoff: Date, limit: Int) async throws -> Int
    /// Deletes up to `limit` of the organization's oldest audit entries created before `cutoff`, and
    /// returns how many.
    func purgeAuditEntries(_ organizationID: UUID, createdBefore cutoff: Date, limit: Int) async throws -> Int
    /// Deletes up to `limit` of the organization's visits outside bookings that ended before
    /// `cutoff`, oldest first, and returns how many; their members' days (`MemberDay`) and their
    /// corrections stay as they are. Up to `limit` of the answers kept for offline scans' nonces
    /// before `cutoff` go too.
    func purgeVisits(_ organizationID: UUID, endedBefore cutoff: Date, limit: Int) async throws -> Int
}
