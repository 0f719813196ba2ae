import Foundation
import FrontdeskCore

extension Frontdesk {
    public func createLocation(_ caller: Caller, _ input: LocationInput) async throws -> Location {
        try caller.require(.locationWrite)
        try caller.requireEveryLocation("name", "cannot be added by a user limited to some locations")
        let location = Location(id: newID(), organizationID: caller.organizationID, name: input.name ?? "",
                                timeZone: input.timeZone, settings: input.settings ?? .init(),
                                onePlaceAtATime: input.onePlaceAtATime ?? false, createdAt: now)
        try location.validate()
        try await store.insertLocation(location)
        return location
    }

    public func location(_ caller: Caller, _ id: UUID) async throws -> Location {
        try caller.require(.locationRead)
        guard let location = try await store.location(caller.organizationID, id), caller.sees(location.id) else {
            throw FrontdeskError.notFound(entity: Location.entityName, id: id.text)
        }
        return location
    }

    public func locations(_ caller: Caller, page: PageRequest) async throws -> Page<Location> {
        try caller.require(.locationRead)
        var page = try await store.locations(caller.organizationID, page: page)
        page.items = page.items.filter { caller.sees($0.id) }
        return page
    }

    public func updateLocation(_ caller: Caller, _ id: UUID, _ input: LocationInput) async throws -> Location {
        try caller.require(.locationWrite)
        try caller.requireVisible(location: id)
        let now = self.now
        return try await store.updateLocation(caller.organizationID, id) { current in
            var next = current
            next.name = input.name ?? next.name
            next.timeZone = input.timeZone.map { $0.isEmpty ? nil : $0 } ?? next.timeZone
            next.settings = input.settings ?? next.settings
            next.onePlaceAtATime = input.onePlaceAtATime ?? next.onePlaceAtATime
            try next.validate()
            next.updatedAt = now
            return next
        }
    }

    /// The desk settings of the caller's organization, which a location's own override: with them a
    /// client shows each location's effective settings.
    public func organizationDesk(_ caller: Caller) async throws -> DeskSettings {
        try caller.require(.locationRead)
        return try await organization(of: caller).desk
    }

    public func deleteLocation(_ caller: Caller, _ id: UUID) async throws {
        try caller.require(.locationWrite)
        try caller.requireVisible(location: id)
        try await store.deleteLocation(caller.organizationID, id)
    }
}
