import Foundation
import FrontdeskCore
import Synchronization

/// What a booking reads before it is decided, its organization and the requested resources, kept
/// by the writer from one write to the next while the organization's catalog version stays: every
/// change to an organization's settings, resources or locations moves that version in its own
/// transaction (triggers of migrations 0006 and 0008). A booking then reads one small row instead
/// of its organization and each resource.
///
/// Within a transaction, each write sees what the writes before it left; only a transaction that
/// fails as a whole takes back what was read in it, version included, so it empties the cache.
final class WriterCatalog: Sendable {
    typealias Located = (resource: Resource, zone: TimeZone)

    private struct Entry {
        var version: Int64
        var organization: Organization
        var resources: [UUID: Located] = [:]
    }

    private let entries = Mutex<[UUID: Entry]>([:])

    /// The organization at catalog `version`, read with `load` when the cache holds another one.
    func organization(_ id: UUID, at version: Int64, load: () throws -> Organization) rethrows -> Organization {
        if let entry = entries.withLock({ $0[id] }), entry.version == version { return entry.organization }
        let organization = try load()
        entries.withLock { $0[id] = Entry(version: version, organization: organization) }
        return organization
    }

    /// A resource of the organization last asked for at `version`, read with `load` the first time.
    func resource(
        _ id: UUID, of organizationID: UUID, at version: Int64, load: () throws -> Located?
    ) rethrows -> Located? {
        let cached = entries.withLock { entries in
            entries[organizationID].flatMap { $0.version == version ? $0.resources[id] : nil }
        }
        if let cached { return cached }
        guard let located = try load() else { return nil }
        entries.withLock { entries in
            if entries[organizationID]?.version == version { entries[organizationID]?.resources[id] = located }
        }
        return located
    }

    /// Called on the writer's queue when a transaction fails.
    func clear() {
        entries.withLock { $0.removeAll() }
    }
}
