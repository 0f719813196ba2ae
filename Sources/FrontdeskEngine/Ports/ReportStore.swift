import Foundation
import FrontdeskCore

/// Reports: what happened over a period, read for Core to add up (`ActivityReport`).
public protocol ReportStore: Sendable {
    /// In one snapshot, the organization's facts of `period`, found by index: the booking lines
    /// overlapping it (with their booking's status), the visits that checked in before its end and
    /// were still there at its start or arrived since, the resources that are not deleted and the
    /// deleted ones those name (with when they were deleted), and the locations of all of them with
    /// the organization's others that are not deleted.
    func activity(_ organizationID: UUID, period: TimeWindow) async throws -> ActivityFacts
}
