import Foundation
import FrontdeskCore

extension Frontdesk {
    /// Every resource matching `filter`, split into those that can take one more booking for the
    /// window (with remaining capacity and price) and those that cannot (with the bookings in the way).
    /// The resources come from the catalog cache, checked against the version read with the lines.
    public func availability(_ caller: Caller, window spec: WindowSpec, filter: ResourceFilter) async throws -> Availability {
        try caller.require(.bookingRead)
        let organization = try await organization(of: caller)
        // Dates are read in each resource's zone; fetch with a window wide enough for every zone.
        let widest = spec.instants
            ?? TimeWindow(start: spec.resolve(in: TimeZone(secondsFromGMT: 14 * 3600)!, organization: organization).start,
                          end: spec.resolve(in: TimeZone(secondsFromGMT: -12 * 3600)!, organization: organization).end)
        let holds = try await store.holds(caller.organizationID, window: widest)
        let entries = try await catalogs.entries(caller.organizationID, at: holds.catalogVersion) {
            try await store.catalog(caller.organizationID)
        }
        return Availability(entries.filter { filter.matches($0.resource) }, held: holds.lines,
                            organizationZone: organization.zone, currency: organization.currency) { zone in
            spec.resolve(in: zone, organization: organization)
        }
    }
}
