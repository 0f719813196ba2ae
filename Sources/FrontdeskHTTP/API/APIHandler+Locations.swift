import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func createLocation(_ input: Operations.CreateLocation.Input) async throws -> Operations.CreateLocation.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let location = try await frontdesk.createLocation(try caller, LocationInput(name: body.name, timeZone: body.timezone))
        return .created(.init(body: .json(.init(location))))
    }

    func listLocations(_ input: Operations.ListLocations.Input) async throws -> Operations.ListLocations.Output {
        let page = try await frontdesk.locations(
            try caller, page: try PageRequest(limit: input.query.limit, cursor: input.query.cursor, list: .locations))
        return .ok(.init(body: .json(.init(items: page.items.map(Components.Schemas.Location.init), nextCursor: page.nextCursor(in: .locations)))))
    }

    func getLocation(_ input: Operations.GetLocation.Input) async throws -> Operations.GetLocation.Output {
        let location = try await frontdesk.location(try caller, try Read.pathID(input.path.id, "location"))
        return .ok(.init(body: .json(.init(location))))
    }

    func updateLocation(_ input: Operations.UpdateLocation.Input) async throws -> Operations.UpdateLocation.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let location = try await frontdesk.updateLocation(
            try caller, try Read.pathID(input.path.id, "location"), LocationInput(name: body.name, timeZone: body.timezone))
        return .ok(.init(body: .json(.init(location))))
    }

    func deleteLocation(_ input: Operations.DeleteLocation.Input) async throws -> Operations.DeleteLocation.Output {
        try await frontdesk.deleteLocation(try caller, try Read.pathID(input.path.id, "location"))
        return .noContent(.init())
    }
}
