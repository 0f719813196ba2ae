import Foundation
import FrontdeskCore

extension Frontdesk {
    public func createResource(_ caller: Caller, _ input: ResourceInput) async throws -> Resource {
        try caller.require(.resourceWrite)
        guard let locationID = input.locationID else {
            throw FrontdeskError.validationFailed([FieldIssue("location_id", "is required")])
        }
        try caller.requireVisible(location: locationID)
        let blank = Resource(id: newID(), organizationID: caller.organizationID, locationID: locationID, name: "",
                             kind: "", category: nil, capacity: 1, rateAmount: 0, rateUnit: .night,
                             status: .active, createdAt: now)
        let resource = input.applied(to: blank)
        try resource.validate()
        try await store.insertResource(resource)
        return resource
    }

    public func resource(_ caller: Caller, _ id: UUID) async throws -> Resource {
        try caller.require(.resourceRead)
        guard let resource = try await store.resource(caller.organizationID, id), caller.sees(resource.locationID) else {
            throw FrontdeskError.notFound(entity: Resource.entityName, id: id.text)
        }
        return resource
    }

    public func resources(_ caller: Caller, filter: ResourceFilter, page: PageRequest) async throws -> Page<Resource> {
        try caller.require(.resourceRead)
        var v = Validator()
        v.text(filter.kind, "kind", max: 50)
        v.text(filter.category, "category", max: 100)
        try v.validate()
        guard let reach = caller.reach(filter.locationIDs) else { return Page(items: [], next: nil) }
        var filter = filter
        filter.locationIDs = reach
        return try await store.resources(caller.organizationID, filter: filter, page: page)
    }

    public func updateResource(_ caller: Caller, _ id: UUID, _ input: ResourceInput) async throws -> Resource {
        try caller.require(.resourceWrite)
        try await requireVisible(resources: [id], caller)
        if let locationID = input.locationID { try caller.requireVisible(location: locationID) }
        let now = self.now
        return try await store.updateResource(caller.organizationID, id) { current in
            var next = input.applied(to: current)
            try next.validate()
            next.updatedAt = now
            return next
        }
    }

    /// Refused with 409 `resource_in_use` while a current or future booking holds it.
    public func deleteResource(_ caller: Caller, _ id: UUID) async throws {
        try caller.require(.resourceWrite)
        try await requireVisible(resources: [id], caller)
        try await store.deleteResource(caller.organizationID, id, now: now)
    }
}
