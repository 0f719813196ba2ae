import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func createLocation(_ input: Operations.CreateLocation.Input) async throws -> Operations.CreateLocation.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let location = try await frontdesk.createLocation(try caller, LocationInput(name: body.name, timeZone: body.timezone))
        return .created(.init(body: .json(try Bridge.api(location))))
    }

    func listLocations(_ input: Operations.ListLocations.Input) async throws -> Operations.ListLocations.Output {
        let page = try await frontdesk.locations(
            try caller, page: try PageRequest(limit: input.query.limit, cursor: input.query.cursor))
        return .ok(.init(body: .json(try Bridge.api(ListJSON(page)))))
    }

    func getLocation(_ input: Operations.GetLocation.Input) async throws -> Operations.GetLocation.Output {
        let location = try await frontdesk.location(try caller, try Read.pathID(input.path.id, "location"))
        return .ok(.init(body: .json(try Bridge.api(location))))
    }

    func updateLocation(_ input: Operations.UpdateLocation.Input) async throws -> Operations.UpdateLocation.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let location = try await frontdesk.updateLocation(
            try caller, try Read.pathID(input.path.id, "location"), LocationInput(name: body.name, timeZone: body.timezone))
        return .ok(.init(body: .json(try Bridge.api(location))))
    }

    func deleteLocation(_ input: Operations.DeleteLocation.Input) async throws -> Operations.DeleteLocation.Output {
        try await frontdesk.deleteLocation(try caller, try Read.pathID(input.path.id, "location"))
        return .noContent(.init())
    }
}

/// A page as the API shows it: `{items, next_cursor}`.
struct ListJSON<Item: Encodable & Sendable>: Encodable {
    var items: [Item]
    var next_cursor: String?

    init(_ page: Page<Item>) {
        items = page.items
        next_cursor = page.next?.opaque
    }
}
