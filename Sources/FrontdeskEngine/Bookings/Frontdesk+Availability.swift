import Foundation
import FrontdeskCore

extension Frontdesk {
    /// Every resource matching `filter` (and seen by the caller), split into those that can take one
    /// more booking for the window (with remaining capacity and price) and those that cannot (with
    /// the bookings in the way).
    /// The resources come from the catalog cache, checked against the version read with the lines.
    public func availability(_ caller: Caller, window spec: WindowSpec, filter: ResourceFilter) async throws -> Availability {
        try caller.require(.bookingRead)
        let organization = try await organization(of: caller)
        // Dates are read in each resource's zone with its location's times; fetch with a window wide
        // enough for every zone and time of day.
        let widest = spec.instants
            ?? TimeWindow(start: spec.resolve(in: TimeZone(secondsFromGMT: 14 * 3600)!, settings: Self.earliest).start,
                          end: spec.resolve(in: TimeZone(secondsFromGMT: -12 * 3600)!, settings: Self.latest).end)
        let now = self.now
        let holds = try await store.holds(caller.organizationID, window: widest, now: now)
        let entries = try await catalogs.entries(caller.organizationID, at: holds.catalogVersion) {
            try await store.catalog(caller.organizationID)
        }
        let seen = entries.filter { filter.matches($0.resource) && caller.sees($0.resource.locationID) }
        return Availability(seen, held: holds.lines, now: now, organization: organization) { desk in
            spec.resolve(in: desk.timeZone, settings: desk.settings)
        }
    }

    /// The check-in and check-out times that begin a stay's first day earliest and end its last latest.
    private static let earliest = DeskSettings(checkInTime: "00:00", checkOutTime: "00:00", noShowGraceMinutes: 0,
                                               pendingHoldMinutes: 1, autoNoShow: false)
    private static let latest = DeskSettings(checkInTime: "23:59", checkOutTime: "23:59", noShowGraceMinutes: 0,
                                             pendingHoldMinutes: 1, autoNoShow: false)
}
