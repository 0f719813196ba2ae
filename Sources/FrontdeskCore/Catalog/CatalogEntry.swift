import Foundation

/// A resource as availability lists it, prepared once per version of the catalog: the resource,
/// its location's time zone (nil: the organization's) and desk settings, and its JSON, which an answer over a
/// thousand resources copies instead of writing each of them again. A class: answers share
/// entries instead of copying their strings.
public final class CatalogEntry: Sendable, Hashable {
    public let resource: Resource
    public let timeZone: TimeZone?
    public let settings: LocationSettings
    public let json: [UInt8]

    public init(resource: Resource, timeZone: TimeZone?, settings: LocationSettings = .init()) {
        self.resource = resource
        self.timeZone = timeZone
        self.settings = settings
        var writer = JSONWriter(capacity: 512)
        resource.write(to: &writer)
        json = writer.bytes
    }

    public static func == (a: CatalogEntry, b: CatalogEntry) -> Bool {
        a.resource == b.resource && a.timeZone == b.timeZone && a.settings == b.settings
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(resource)
        hasher.combine(timeZone)
        hasher.combine(settings)
    }
}
