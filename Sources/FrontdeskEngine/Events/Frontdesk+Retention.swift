import Foundation

extension Frontdesk {
    /// Purges the events and audit entries created more than `age` ago, `batch` at a time, until
    /// none is left: writers run between two batches. Returns how many of each it purged.
    public func purge(olderThan age: Duration, batch: Int = 500) async throws -> (events: Int, auditEntries: Int) {
        let cutoff = now.addingTimeInterval(-Double(age.components.seconds))
        var purged = (events: 0, auditEntries: 0)
        for organizationID in try await store.organizationIDs() {
            purged.events += try await drain(batch) {
                try await store.purgeEvents(organizationID, createdBefore: cutoff, limit: batch)
            }
            purged.auditEntries += try await drain(batch) {
                try await store.purgeAuditEntries(organizationID, createdBefore: cutoff, limit: batch)
            }
        }
        return purged
    }

    /// Runs `purge` until it purges less than a whole `batch`; returns the total.
    private func drain(_ batch: Int, _ purge: () async throws -> Int) async throws -> Int {
        var total = 0
        while true {
            try Task.checkCancellation()
            let purged = try await purge()
            total += purged
            guard purged == batch else { return total }
            await Task.yield()
        }
    }
}
