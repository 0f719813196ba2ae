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
        return .ok(.init(body: .json(.init(availability, currency: organization.currency))))
    }
}
