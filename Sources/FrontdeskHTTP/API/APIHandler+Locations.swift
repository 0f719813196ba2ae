import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func createLocation(_ input: Operations.CreateLocation.Input) async throws -> Operations.CreateLocation.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let caller = try caller
        let location = try await frontdesk.createLocation(
            caller, LocationInput(name: body.name, timeZone: body.timezone, settings: body.settings?.domain,
                          onePlaceAtATime: body.onePlaceAtATime))
        return .created(.init(body: .json(.init(location, over: try await frontdesk.organizationDesk(caller)))))
    }

    func listLocations(_ input: Operations.ListLocations.Input) async throws -> Operations.ListLocations.Output {
        let caller = try caller
        let page = try await frontdesk.locations(
            caller, page: try PageRequest(limit: input.query.limit, cursor: input.query.cursor, list: .locations))
        let organization = try await frontdesk.organizationDesk(caller)
        return .ok(.init(body: .json(.init(items: page.items.map { .init($0, over: organization) },
                                           nextCursor: page.nextCursor(in: .locations)))))
    }

    func getLocation(_ input: Operations.GetLocation.Input) async throws -> Operations.GetLocation.Output {
        let caller = try caller
        let location = try await frontdesk.location(caller, try Read.pathID(input.path.id, "location"))
        return .ok(.init(body: .json(.init(location, over: try await frontdesk.organizationDesk(caller)))))
    }

    func updateLocation(_ input: Operations.UpdateLocation.Input) async throws -> Operations.UpdateLocation.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let caller = try caller
        let location = try await frontdesk.updateLocation(
            caller, try Read.pathID(input.path.id, "location"),
            LocationInput(name: body.name, timeZone: body.timezone, settings: body.settings?.domain,
                          onePlaceAtATime: body.onePlaceAtATime))
        return .ok(.init(body: .json(.init(location, over: try await frontdesk.organizationDesk(caller)))))
    }

    func deleteLocation(_ input: Operations.DeleteLocation.Input) async throws -> Operations.DeleteLocation.Output {
        try await frontdesk.deleteLocation(try caller, try Read.pathID(input.path.id, "location"))
        return .noContent(.init())
    }
}
