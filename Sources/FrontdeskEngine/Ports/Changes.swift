import Foundation
import FrontdeskCore

/// An outbox event before the store gives it its sequence number.
public struct EventDraft: Sendable, Hashable {
    public var id: UUID
    public var type: EventType
    public var entityType: String
    public var entityID: UUID
    public var data: Data
    public var createdAt: Date

    public init(id: UUID, type: EventType, entityType: String, entityID: UUID, data: Data, createdAt: Date) {
        self.id = id
        self.type = type
        self.entityType = entityType
        self.entityID = entityID
        self.data = data
        self.createdAt = createdAt.truncatedToMilliseconds
    }
}

/// Everything one booking write leaves behind, written by the store in one transaction:
/// the booking's new state, its audit entry and its outbox event.
public struct BookingChange: Sendable {
    public var booking: Booking
    public var audit: AuditEntry
    public var event: EventDraft

    public init(booking: Booking, audit: AuditEntry, event: EventDraft) {
        self.booking = booking
        self.audit = audit
        self.event = event
    }
}

/// What the booking transaction has read and locked when it asks the engine to decide.
public struct BookingContext: Sendable {
    public var organization: Organization
    public var resources: [UUID: BookableResource]
    public var memberExists: Bool
    /// The number the booking gets if it is written (the series' next value this year).
    public var nextSequence: Int

    public init(organization: Organization, resources: [UUID: BookableResource], memberExists: Bool, nextSequence: Int) {
        self.organization = organization
        self.resources = resources
        self.memberExists = memberExists
        self.nextSequence = nextSequence
    }
}

/// The answer of the idempotency table to a POST that carries an `Idempotency-Key`.
public enum IdempotencyClaim: Sendable, Equatable {
    /// First time: run the request, then record its response.
    case claimed
    /// Seen before with the same request: replay this response.
    case replay(StoredResponse)
    /// Seen before with another request.
    case mismatch
    /// Seen before, and that request has not finished yet.
    case inProgress
}

public struct StoredResponse: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var body: Data

    public init(status: Int, contentType: String, body: Data) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}
