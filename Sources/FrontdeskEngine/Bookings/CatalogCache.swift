import Foundation
import FrontdeskCore
import Synchronization

/// Each organization's catalog as availability lists it, kept between requests. A request reads
/// the catalog version with the lines it needs and reads the catalog again only when the version
/// has moved, so a change made by any process sharing the database shows at once.
final class CatalogCache: Sendable {
    private struct Cached {
        let version: Int64
        let entries: [CatalogEntry]
    }

    private let cached = Mutex<[UUID: Cached]>([:])

    /// The organization's entries at `version`, from `load` when this cache has another version.
    func entries(_ organizationID: UUID, at version: Int64, load: () async throws -> Catalog) async throws -> [CatalogEntry] {
        if let hit = cached.withLock({ $0[organizationID] }), hit.version == version { return hit.entries }
        let catalog = try await load()
        var zones: [String: TimeZone] = [:]
        let entries = catalog.resources.map { resource, zone, settings in
            let timeZone = zone.flatMap { identifier in
                if let known = zones[identifier] { return known }
                let parsed = TimeZone(identifier: identifier)
                zones[identifier] = parsed
                return parsed
            }
            return CatalogEntry(resource: resource, timeZone: timeZone, settings: settings)
        }
        cached.withLock { $0[organizationID] = Cached(version: catalog.version, entries: entries) }
        return entries
    }
}
