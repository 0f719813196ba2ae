import Foundation
import FrontdeskCore

extension Frontdesk {
    /// Feeds the outbox to the actions: batch after batch of one organization's events, each batch
    /// in one transaction with the cursor it advances, until no event waits or `maxBatches` ran.
    /// Returns how many events it dispatched.
    @discardableResult
    public func dispatch(batchSize: Int = 200, maxBatches: Int = 50) async throws -> Int {
        var total = 0
        for _ in 0..<maxBatches {
            let (now, newID) = (self.now, self.newID)
            let count = try await store.dispatchEvents(limit: batchSize) { batch in
                Self.plan(batch, now: now, newID: newID)
            } ready: { booking, freed in
                try Self.ready(booking, freed, now: now, newID: newID)
            }
            if count == 0 { break }
            total += count
        }
        return total
    }

    /// Each event's matching actions: a delivery per webhook, a dirty flag per resource in scope,
    /// a freed resource (whose next booking to ready) per resource in scope.
    static func plan(_ batch: DispatchBatch, now: Date, newID: @Sendable () -> UUID) -> DispatchPlan {
        var plan = DispatchPlan(deliveries: [], dirtyResources: [], now: now)
        for event in batch.events {
            let resources = event.resourceIDs.compactMap { id in batch.locations[id].map { (resourceID: id, locationID: $0) } }
            for action in batch.actions where action.matches(event.type, resources: resources) {
                switch action.type {
                case .webhook:
                    plan.deliveries.append(WebhookDelivery(
                        id: newID(), organizationID: batch.organizationID, actionID: action.id, eventID: event.id,
                        eventType: event.type, url: action.url ?? "", payload: WebhookPayload.body(for: event),
                        nextAttemptAt: now, expiresAt: now.addingTimeInterval(WebhookDelivery.retryWindow),
                        createdAt: now))
                case .flagForCleaning:
                    plan.dirtyResources.formUnion(action.resources(in: resources))
                case .readyNextBooking:
                    for id in action.resources(in: resources) {
                        plan.freedResources.append(FreedResource(
                            resourceID: id, after: event.checkedOutAt ?? event.createdAt, at: event.createdAt))
                    }
                }
            }
        }
        return plan
    }

    /// The next booking of a freed resource, readied by the system; nil when there is nothing to do.
    static func ready(_ booking: Booking, _ freed: FreedResource, now: Date,
                      newID: @escaping @Sendable () -> UUID) throws -> BookingChange? {
        guard let next = booking.readied(at: freed.at, now: now) else { return nil }
        return try change(next, before: booking, type: .bookingReady, action: "ready", actor: .system,
                          reason: ActionType.readyNextBooking.rawValue, at: now, newID: newID)
    }
}
