import Foundation

/// One event to POST to one webhook action: written in the transaction that dispatches the event,
/// then attempted until the target answers 2xx or the retry window closes.
public struct WebhookDelivery: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    public var actionID: UUID
    public var eventID: UUID
    public var eventType: EventType
    public var url: String
    /// The body to POST: `{id, type, created_at, data}` (see `WebhookPayload`).
    public var payload: Data
    public var status: DeliveryStatus
    public var attempts: Int
    /// When the next attempt is due (pending only).
    public var nextAttemptAt: Date?
    /// After this instant a failed attempt is the last: the delivery is marked failed.
    public var expiresAt: Date
    public var lastStatusCode: Int?
    public var lastError: String?
    public var deliveredAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, organizationID: UUID, actionID: UUID, eventID: UUID, eventType: EventType, url: String,
                payload: Data, status: DeliveryStatus = .pending, attempts: Int = 0, nextAttemptAt: Date?,
                expiresAt: Date, lastStatusCode: Int? = nil, lastError: String? = nil, deliveredAt: Date? = nil,
                createdAt: Date, updatedAt: Date? = nil) {
        self.id = id
        self.organizationID = organizationID
        self.actionID = actionID
        self.eventID = eventID
        self.eventType = eventType
        self.url = url
        self.payload = payload
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt?.truncatedToMilliseconds
        self.expiresAt = expiresAt.truncatedToMilliseconds
        self.lastStatusCode = lastStatusCode
        self.lastError = lastError
        self.deliveredAt = deliveredAt?.truncatedToMilliseconds
        self.createdAt = createdAt.truncatedToMilliseconds
        self.updatedAt = (updatedAt ?? createdAt).truncatedToMilliseconds
    }
}
