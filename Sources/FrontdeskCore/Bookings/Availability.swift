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

    /// `held` gives the lines holding each resource around the window (by resource id), each
    /// counted as it holds at `now` (an overdue line holds on: `HeldLine.holding(at:)`); `window`
    /// gives each resource its window: with dates, it depends on the resource's location's time
    /// zone and check-in/out times (`LocalDesk`, each else `organization`'s).
    public init(_ entries: [CatalogEntry], held: [UUID: [HeldLine]], now: Date, organization: Organization,
                window: (LocalDesk) -> TimeWindow) {
        self.currency = organization.currency
        var deskWindow: (entry: CatalogEntry, desk: LocalDesk, window: TimeWindow)?  // a location's resources share one
        for entry in entries {
            let resource = entry.resource
            let desk: LocalDesk, w: TimeWindow
            if let deskWindow, deskWindow.entry.timeZone == entry.timeZone, deskWindow.entry.settings == entry.settings {
                (desk, w) = (deskWindow.desk, deskWindow.window)
            } else {
                desk = LocalDesk(timeZone: entry.timeZone ?? organization.zone,
                                 settings: entry.settings.resolved(over: organization.desk))
                w = window(desk)
                deskWindow = (entry, desk, w)
            }
            let zone = desk.timeZone
            let lines = (held[resource.id] ?? []).map { $0.holding(at: now) }
            let numbers = Occupancy.blockingNumbers(lines, within: w)
            if resource.status == .outOfService {
                unavailable.append(Closed(entry: entry, window: w, reason: .outOfService, bookingNumbers: numbers))
                continue
            }
            let remaining = Occupancy.remaining(capacity: resource.capacity, held: lines, within: w)
            if remaining > 0 {
                let price = resource.price(w, in: zone)
                available.append(Open(entry: entry, window: w, remainingCapacity: remaining, price: price))
            } else {
                unavailable.append(Closed(entry: entry, window: w, reason: .booked, bookingNumbers: numbers))
            }
        }
    }
}
