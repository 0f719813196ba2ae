import Foundation

/// A site of an organization: a hotel, a shop, a gym branch.
public struct Location: Sendable, Hashable, Codable, Identifiable {
    enum CodingKeys: String, CodingKey {
        case id
        case organizationID = "organization_id"
        case name
        case timeZone = "timezone"
        case settings
        case onePlaceAtATime = "one_place_at_a_time"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public var id: UUID
    public var organizationID: UUID
    public var name: String
    /// IANA time zone; nil means the organization's.
    public var timeZone: String?
    /// The desk settings it overrides; the others are its organization's.
    public var settings: LocationSettings
    /// A member scanned in here is first checked out of their visits in progress elsewhere.
    public var onePlaceAtATime: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, organizationID: UUID, name: String, timeZone: String?, settings: LocationSettings = .init(),
                onePlaceAtATime: Bool = false, createdAt: Date, updatedAt: Date? = nil) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.timeZone = timeZone
        self.settings = settings
        self.onePlaceAtATime = onePlaceAtATime
        self.createdAt = createdAt.truncatedToMilliseconds
        self.updatedAt = (updatedAt ?? createdAt).truncatedToMilliseconds
    }

    public func validate() throws(FrontdeskError) {
        var v = Validator()
        v.text(name, "name", required: true)
        v.timeZone(timeZone, "timezone")
        settings.check(&v)
        try v.validate()
    }

    /// The zone a location's dates are read in: its own (`identifier`, its `timeZone`), else the
    /// organization's.
    public static func zone(_ identifier: String?, else organization: TimeZone) -> TimeZone {
        identifier.flatMap(TimeZone.init(identifier:)) ?? organization
    }
}
