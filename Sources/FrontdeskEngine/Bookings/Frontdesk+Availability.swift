import Foundation
import FrontdeskCore

extension Frontdesk {
    /// Every resource matching `filter`, split into those that can take one more booking for the
    /// window (with remaining capacity and price) and those that cannot (with the bookings in the way).
    public func availability(_ caller: Caller, window spec: WindowSpec, filter: ResourceFilter) async throws -> Availability {
        try caller.require(.bookingRead)
        let organization = try await organization(of: caller)
        // Dates are read in each resource's zone; fetch with a window wide enough for every zone.
        let widest = spec.instants
            ?? TimeWindow(start: spec.resolve(in: TimeZone(secondsFromGMT: 14 * 3600)!, organization: organization).start,
                          end: spec.resolve(in: TimeZone(secondsFromGMT: -12 * 3600)!, organization: organization).end)
        let resources = try await store.bookableResources(caller.organizationID, filter: filter, window: widest)
        return Availability(resources, currency: organization.currency) { zone in spec.resolve(in: zone, organization: organization) }
    }
}
