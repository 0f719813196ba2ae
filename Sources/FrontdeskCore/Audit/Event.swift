import Foundation

/// A state change as written to the outbox, in the same transaction as the change itself.
/// `sequence` increases per organization in commit order, so a reader resumes after the last one it saw.
public struct Event: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    public var sequence: Int64
    public var type: EventType
    public var entityType: String
    public var entityID: UUID
    /// The entity as the API returns it, JSON.
    public var data: Data
    public var createdAt: Date

    public init(id: UUID, organizationID: UUID, sequence: Int64, type: EventType, entityType: String,
                entityID: UUID, data: Data, createdAt: Date) {
        self.id = id
        self.organizationID = organizationID
        self.sequence = sequence
        self.type = type
        self.entityType = entityType
        self.entityID = entityID
        self.data = data
        self.createdAt = createdAt.truncatedToMilliseconds
    }
}
