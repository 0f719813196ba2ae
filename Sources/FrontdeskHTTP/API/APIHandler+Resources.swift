import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func createResource(_ input: Operations.CreateResource.Input) async throws -> Operations.CreateResource.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let resource = try await frontdesk.createResource(try caller, ResourceInput(
            locationID: try Read.uuid(body.locationId, "location_id"), name: body.name, kind: body.kind,
            category: body.category, capacity: body.capacity, rateAmount: body.rateAmount.map(Int.init),
            rateUnit: body.rateUnit.flatMap { RateUnit(rawValue: $0.rawValue) }, rateTiers: try body.rateTiers.map(RateTier.tiers),
            status: body.status.flatMap { Resource.Status(rawValue: $0.rawValue) }))
        return .created(.init(body: .json(try .init(resource))))
    }

    func listResources(_ input: Operations.ListResources.Input) async throws -> Operations.ListResources.Output {
        let query = input.query
        let page = try await frontdesk.resources(
            try caller,
            filter: ResourceFilter(locationIDs: try Read.uuids(query.locationId, "location_id"), kind: query.kind,
                                   category: query.category),
            page: try PageRequest(limit: query.limit, cursor: query.cursor, list: .resources))
        return .ok(.init(body: .json(.init(items: try page.items.map(Components.Schemas.Resource.init), nextCursor: page.nextCursor(in: .resources)))))
    }

    func getResource(_ input: Operations.GetResource.Input) async throws -> Operations.GetResource.Output {
        let resource = try await frontdesk.resource(try caller, try Read.pathID(input.path.id, "resource"))
        return .ok(.init(body: .json(try .init(resource))))
    }

    func updateResource(_ input: Operations.UpdateResource.Input) async throws -> Operations.UpdateResource.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let resource = try await frontdesk.updateResource(try caller, try Read.pathID(input.path.id, "resource"), ResourceInput(
            locationID: try Read.uuidIfPresent(body.locationId, "location_id"), name: body.name, kind: body.kind,
            category: body.category, capacity: body.capacity, rateAmount: body.rateAmount.map(Int.init),
            rateUnit: body.rateUnit.flatMap { RateUnit(rawValue: $0.rawValue) }, rateTiers: try body.rateTiers.map(RateTier.tiers),
            status: body.status.flatMap { Resource.Status(rawValue: $0.rawValue) }))
        return .ok(.init(body: .json(try .init(resource))))
    }

    func deleteResource(_ input: Operations.DeleteResource.Input) async throws -> Operations.DeleteResource.Output {
        try await frontdesk.deleteResource(try caller, try Read.pathID(input.path.id, "resource"))
        return .noContent(.init())
    }

    func cleanResource(_ input: Operations.CleanResource.Input) async throws -> Operations.CleanResource.Output {
        let resource = try await frontdesk.cleanResource(try caller, try Read.pathID(input.path.id, "resource"))
        return .ok(.init(body: .json(try .init(resource))))
    }
}

extension RateTier {
    /// Tiers as a client sends them.
    static func tiers(_ api: [Components.Schemas.RateTier]) throws -> [RateTier] {
        try api.map { RateTier(upToMinutes: $0.upToMinutes, rateAmount: Int($0.rateAmount), rateUnit: try .init(matching: $0.rateUnit)) }
    }
}
