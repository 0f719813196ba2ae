import Foundation

/// One change to an entity: who, what, the state before and after (JSON), when.
public struct AuditEntry: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    public var entityType: String
    public var entityID: UUID
    public var action: String
    public var actor: Actor
    public var before: Data?
    public var after: Data?
    public var reason: String?
    public var createdAt: Date

    public init(id: UUID, organizationID: UUID, entityType: String, entityID: UUID, action: String, actor: Actor,
                before: Data?, after: Data?, reason: String? = nil, createdAt: Date) {
        self.id = id
        self.organizationID = organizationID
        self.entityType = entityType
        self.entityID = entityID
        self.action = action
        self.actor = actor
        self.before = before
        self.after = after
        self.reason = reason
        self.createdAt = createdAt.truncatedToMilliseconds
    }
}
