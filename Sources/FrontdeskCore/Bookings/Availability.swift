import Foundation

/// Which resources can take one more booking for a window, and which cannot and why.
public struct Availability: Sendable {
    public struct Open: Sendable, Hashable {
        public var resource: Resource
        public var window: TimeWindow
        public var remainingCapacity: Int
        public var price: Int
    }

    public struct Closed: Sendable, Hashable {
        public enum Reason: String, Sendable {
            case booked
            case outOfService = "out_of_service"
        }

        public var resource: Resource
        public var window: TimeWindow
        public var reason: Reason
        public var bookingNumbers: [String]
    }

    public var available: [Open] = []
    public var unavailable: [Closed] = []
    /// The currency of the prices: the organization's.
    public var currency: String

    /// `window` gives each resource its window: with dates, it depends on the resource's time zone.
    public init(_ resources: [BookableResource], currency: String, window: (TimeZone) -> TimeWindow) {
        self.currency = currency
        for bookable in resources {
            let resource = bookable.resource
            let w = window(bookable.timeZone)
            let numbers = Occupancy.blockingNumbers(bookable.held, within: w)
            if resource.status == .outOfService {
                unavailable.append(Closed(resource: resource, window: w, reason: .outOfService, bookingNumbers: numbers))
                continue
            }
            let remaining = Occupancy.remaining(capacity: resource.capacity, held: bookable.held, within: w)
            if remaining > 0 {
                let price = resource.rateUnit.price(rate: resource.rateAmount, window: w, in: bookable.timeZone)
                available.append(Open(resource: resource, window: w, remainingCapacity: remaining, price: price))
            } else {
                unavailable.append(Closed(resource: resource, window: w, reason: .booked, bookingNumbers: numbers))
            }
        }
    }
}
