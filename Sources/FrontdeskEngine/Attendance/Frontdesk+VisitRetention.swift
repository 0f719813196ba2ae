import Foundation
import FrontdeskCore

extension Frontdesk {
    /// Purges, in each organization keeping visits for a while (`visit_retention_days`), up to
    /// `limit` of its visits outside bookings that ended before then; members' days stay, so their
    /// statistics do not move. The sweeper's part. Returns how many it purged.
    @discardableResult
    public func purgeVisits(limit: Int = 500) async throws -> Int {
        var purged = 0
        for organizationID in try await store.organizationIDs() {
            let days = try await store.attendanceSettings(organizationID).visitRetentionDays
            guard days > 0 else { continue }
            purged += try await store.purgeVisits(organizationID, endedBefore: now.addingTimeInterval(-Double(days) * 86_400),
                                                  limit: limit)
        }
        return purged
    }
}
