import Foundation
import FrontdeskCore

/// Reports of what happened: the activity report (booked and used time, no-shows, visits, idle
/// time, peak hours) of the organization, its locations and resources. Reading one requires
/// `attendance:read`.
extension Frontdesk {
    /// The activity over `query`'s period. A location or resource it names that is not the
    /// organization's is a 422 on `location_id` or `resource_id`.
    public func activityReport(_ caller: Caller, _ query: ActivityQuery) async throws -> ActivityReport {
        try caller.require(.attendanceRead)
        try query.validate()
        let organizationID = caller.organizationID
        var v = Validator()
        if let locationID = query.locationID {
            let known = caller.sees(locationID) ? try await store.location(organizationID, locationID) != nil : false
            v.check(known, "location_id", "is not a location of the organization")
        }
        if let resourceID = query.resourceID {
            v.check(try await store.resource(organizationID, resourceID).map { caller.sees($0.locationID) } == true,
                    "resource_id", "is not a resource of the organization")
        }
        if query.locationID == nil, query.resourceID == nil { try caller.requireEveryLocation() }
        try v.validate()
        let organization = try await organization(of: caller)
        let facts = try await store.activity(organizationID, period: query.period)
        return ActivityReport(facts, query: query, organization: organization, now: now)
    }
}
