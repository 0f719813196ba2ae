import Foundation
import FrontdeskCore

/// The storage contract of actions, their dispatch from the outbox and their webhook deliveries.
/// Part of `FrontdeskStore`; the same conformance suite runs it on every engine.
public protocol ActionStore: Sendable {
    /// Throws `validationFailed(scope_id)` unless the scope's location or resource is the
    /// organization's. The organization's first action starts its dispatch cursor at its latest
    /// event: actions fire for what happens after they exist.
    func insertAction(_ action: Action) async throws
    func action(_ organizationID: UUID, _ id: UUID) async throws -> Action?
    func actions(_ organizationID: UUID, page: PageRequest) async throws -> Page<Action>
    /// Applies `change` to the live action and writes it, checking its scope as `insertAction` does.
    func updateAction(
        _ organizationID: UUID, _ id: UUID, _ change: @escaping @Sendable (Action) throws -> Action
    ) async throws -> Action
    /// Returns whether an action was deleted. Its deliveries stay (and are still attempted).
    func deleteAction(_ organizationID: UUID, _ id: UUID) async throws -> Bool

    /// In one transaction: claims one organization whose outbox is ahead of its dispatch cursor
    /// (skipping one that another process is dispatching), reads up to `limit` events after the
    /// cursor with the live actions and the resources the events are about, asks `plan` what to
    /// do, writes the deliveries and housekeeping flags it returns, and moves the cursor past the
    /// events read. For each freed resource of the plan it locks the next booking of the resource
    /// (the earliest awaiting arrival with a line on it starting at or after the check-out) and
    /// writes what `ready` makes of it, audit and event included; each booking at most once.
    /// Returns how many events it dispatched: 0 when no organization has any waiting.
    func dispatchEvents(
        limit: Int, plan: @escaping @Sendable (DispatchBatch) throws -> DispatchPlan,
        ready: @escaping @Sendable (Booking, FreedResource) throws -> BookingChange?
    ) async throws -> Int

    /// Claims up to `limit` pending deliveries due at `now` (oldest due first), moving their next
    /// attempt to `leaseUntil` so that no other worker takes them while this one sends them.
    func claimDueDeliveries(now: Date, leaseUntil: Date, limit: Int) async throws -> [ClaimedDelivery]
    func webhookDeliveries(
        _ organizationID: UUID, filter: DeliveryFilter, page: PageRequest
    ) async throws -> Page<WebhookDelivery>
    /// Locks the delivery, applies `change` and writes it (an attempt's result, a manual retry).
    func changeDelivery(
        _ organizationID: UUID, _ id: UUID,
        _ change: @escaping @Sendable (WebhookDelivery) throws -> WebhookDelivery
    ) async throws -> WebhookDelivery
}

/// What one dispatch transaction has read: events of one organization after its cursor, its live
/// actions, and the location of each resource the events are about.
public struct DispatchBatch: Sendable {
    public var organizationID: UUID
    public var events: [Event]
    public var actions: [Action]
    public var locations: [UUID: UUID]

    public init(organizationID: UUID, events: [Event], actions: [Action], locations: [UUID: UUID]) {
        self.organizationID = organizationID
        self.events = events
        self.actions = actions
        self.locations = locations
    }
}

/// What a dispatch writes besides the cursor: webhook deliveries to attempt, resources to mark
/// dirty at `now`, and resources freed by a check-out whose next booking to ready.
public struct DispatchPlan: Sendable {
    public var deliveries: [WebhookDelivery]
    public var dirtyResources: Set<UUID>
    public var freedResources: [FreedResource]
    public var now: Date

    public init(deliveries: [WebhookDelivery], dirtyResources: Set<UUID>, freedResources: [FreedResource] = [],
                now: Date) {
        self.deliveries = deliveries
        self.dirtyResources = dirtyResources
        self.freedResources = freedResources
        self.now = now
    }
}

/// A resource a check-out freed, for a `ready_next_booking` action: its next booking is the first
/// to start at or after the check-out (`after`), and is ready from the event's time (`at`).
public struct FreedResource: Sendable, Hashable {
    public var resourceID: UUID
    public var after: Date
    public var at: Date

    public init(resourceID: UUID, after: Date, at: Date) {
        self.resourceID = resourceID
        self.after = after
        self.at = at
    }
}

/// A delivery claimed for an attempt, with the secret to sign it with.
public struct ClaimedDelivery: Sendable {
    public var delivery: WebhookDelivery
    public var secret: String

    public init(delivery: WebhookDelivery, secret: String) {
        self.delivery = delivery
        self.secret = secret
    }
}

/// Which deliveries a list holds: each filter given must match, a list by any of its values.
public struct DeliveryFilter: Sendable, Hashable {
    public var statuses: [DeliveryStatus]
    public var actionID: UUID?
    public var eventTypes: [EventType]

    public init(statuses: [DeliveryStatus] = [], actionID: UUID? = nil, eventTypes: [EventType] = []) {
        self.statuses = statuses
        self.actionID = actionID
        self.eventTypes = eventTypes
    }
}
