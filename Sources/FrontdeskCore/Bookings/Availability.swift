import Foundation

/// Which resources can take one more booking for a window, and which cannot and why.
public struct Availability: Sendable {
    public struct Open: Sendable, Hashable {
        public var entry: CatalogEntry
        public var window: TimeWindow
        public var remainingCapacity: Int
        public var price: Int

        public var resource: Resource { entry.resource }
    }

    public struct Closed: Sendable, Hashable {
        public enum Reason: String, Sendable {
            case booked
            case outOfService = "out_of_service"
        }

        public var entry: CatalogEntry
        public var window: TimeWindow
        public var reason: Reason
        public var bookingNumbers: [String]

        public var resource: Resource { entry.resource }
    }

    public var available: [Open] = []
    public var unavailable: [Closed] = []
    /// The currency of the prices: the organization's.
    public var currency: String

    /// `held` gives the lines holding each resource around the window (by resource id); `window`
    /// gives each resource its window: with dates, it depends on the resource's time zone, its
    /// location's or else `organizationZone`.
    public init(_ entries: [CatalogEntry], held: [UUID: [HeldLine]], organizationZone: TimeZone, currency: String,
                window: (TimeZone) -> TimeWindow) {
        self.currency = currency
        var zoneWindow: (zone: TimeZone, window: TimeWindow)?  // resources of one location share a zone
        for entry in entries {
            let resource = entry.resource
            let zone = entry.timeZone ?? organizationZone
            let w: TimeWindow
            if let zoneWindow, zoneWindow.zone == zone {
                w = zoneWindow.window
            } else {
                w = window(zone)
                zoneWindow = (zone, w)
            }
            let lines = held[resource.id] ?? []
            let numbers = Occupancy.blockingNumbers(lines, within: w)
            if resource.status == .outOfService {
                unavailable.append(Closed(entry: entry, window: w, reason: .outOfService, bookingNumbers: numbers))
                continue
            }
            let remaining = Occupancy.remaining(capacity: resource.capacity, held: lines, within: w)
            if remaining > 0 {
                let price = resource.rateUnit.price(rate: resource.rateAmount, window: w, in: zone)
                available.append(Open(entry: entry, window: w, remainingCapacity: remaining, price: price))
            } else {
                unavailable.append(Closed(entry: entry, window: w, reason: .booked, bookingNumbers: numbers))
            }
        }
    }
}
