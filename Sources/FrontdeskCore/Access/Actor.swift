import Foundation

/// Who did something, as the audit log records it.
public struct Actor: Sendable, Hashable, Codable {
    /// `api_key`, `user` (a person signed in) or `system`.
    public var type: String
    public var id: String
    public var name: String

    public init(type: String, id: String, name: String) {
        self.type = type
        self.id = id
        self.name = name
    }

    public static func key(_ key: APIKey) -> Actor {
        Actor(type: "api_key", id: key.id.text, name: key.name)
    }

    /// A person signed in, by their user id.
    public static func person(id: UUID, name: String) -> Actor {
        Actor(type: "user", id: id.text, name: name)
    }

    /// The server itself: sweeps, the CLI, the demo loader.
    public static let system = Actor(type: "system", id: "system", name: "frontdesk")
}
