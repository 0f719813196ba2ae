import Foundation

/// Which resources an action watches: one resource, the resources of one location, or all of the
/// organization's.
public enum ActionScope: Sendable, Hashable {
    case organization
    case location(UUID)
    case resource(UUID)

    /// `organization`, `location` or `resource`, as stored and as the API names it.
    public var kind: String {
        switch self {
        case .organization: "organization"
        case .location: "location"
        case .resource: "resource"
        }
    }

    /// The location's or the resource's id; nil for the whole organization.
    public var targetID: UUID? {
        switch self {
        case .organization: nil
        case .location(let id), .resource(let id): id
        }
    }

    /// The scope a stored or requested kind and id name, or nil when they do not fit together.
    public init?(kind: String, targetID: UUID?) {
        switch (kind, targetID) {
        case ("organization", nil): self = .organization
        case ("location", let id?): self = .location(id)
        case ("resource", let id?): self = .resource(id)
        default: return nil
        }
    }
}
