import Foundation
import FrontdeskCore

/// An organization's resources that are not deleted, ordered by name then id, each with its
/// location's time zone identifier and desk settings, as they stood at one version of the catalog.
/// The version moves with every change to a resource or a location, in the transaction that makes it.
public struct Catalog: Sendable {
    public var version: Int64
    public var resources: [(resource: Resource, zone: String?, settings: LocationSettings)]

    public init(version: Int64, resources: [(resource: Resource, zone: String?, settings: LocationSettings)]) {
        self.version = version
        self.resources = resources
    }
}

/// The lines holding an organization's resources around a window, by resource, read with the
/// catalog version of the same moment.
public struct Holds: Sendable {
    public var catalogVersion: Int64
    public var lines: [UUID: [HeldLine]]

    public init(catalogVersion: Int64, lines: [UUID: [HeldLine]]) {
        self.catalogVersion = catalogVersion
        self.lines = lines
    }
}
