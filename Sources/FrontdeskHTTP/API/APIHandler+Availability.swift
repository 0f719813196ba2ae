import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func getAvailability(_ input: Operations.GetAvailability.Input) async throws -> Operations.GetAvailability.Output {
        let query = input.query
        let window = try WindowSpec(startsAt: query.startsAt, endsAt: query.endsAt, checkIn: query.checkIn, checkOut: query.checkOut)
        let caller = try caller
        let organization = try await frontdesk.organization(caller)
        let availability = try await frontdesk.availability(
            caller, window: window,
            filter: ResourceFilter(locationID: try Read.uuidIfPresent(query.locationId, "location_id"), kind: query.kind,
                                   category: query.category))
        return .ok(.init(body: .json(try Bridge.api(AvailabilityJSON(availability, currency: organization.currency)))))
    }
}

/// Availability as the API shows it.
struct AvailabilityJSON: Encodable {
    struct Open: Encodable {
        var resource: Resource
        var starts_at: Date
        var ends_at: Date
        var remaining_capacity: Int
        var price: Int
        var currency: String
    }

    struct Closed: Encodable {
        var resource: Resource
        var starts_at: Date
        var ends_at: Date
        var reason: String
        var booking_numbers: [String]
    }

    var available: [Open]
    var unavailable: [Closed]

    init(_ availability: Availability, currency: String) {
        available = availability.available.map {
            Open(resource: $0.resource, starts_at: $0.window.start, ends_at: $0.window.end,
                 remaining_capacity: $0.remainingCapacity, price: $0.price, currency: currency)
        }
        unavailable = availability.unavailable.map {
            Closed(resource: $0.resource, starts_at: $0.window.start, ends_at: $0.window.end,
                   reason: $0.reason.rawValue, booking_numbers: $0.bookingNumbers)
        }
    }
}
