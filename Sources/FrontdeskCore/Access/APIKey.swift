import Foundation

/// An API key as stored: never the secret itself, only its hash.
public struct APIKey: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    public var name: String
    public var role: Role
    /// The first characters of the secret, to tell keys apart in a list.
    public var prefix: String
    public var hash: String
    public var isPlatform: Bool
    public var createdAt: Date

    public init(id: UUID, organizationID: UUID, name: String, role: Role, prefix: String, hash: String,
                isPlatform: Bool = false, createdAt: Date) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.role = role
        self.prefix = prefix
        self.hash = hash
        self.isPlatform = isPlatform
        self.createdAt = createdAt.truncatedToMilliseconds
    }
}
