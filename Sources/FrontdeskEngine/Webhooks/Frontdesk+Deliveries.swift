import Foundation
import FrontdeskCore
import Logging

extension Frontdesk {
    /// How long an attempt may wait for its answer.
    public static let webhookTimeout: Duration = .seconds(10)
    /// How long a claimed delivery stays invisible to other workers: longer than any attempt.
    static let deliveryLease: TimeInterval = 60

    /// Attempts the deliveries due now and records each outcome: `limit` at a time, concurrently,
    /// round after round while a round was full (one round a tick held a process to 20 webhooks a
    /// second), at most `maxRounds`, so that a tick ends in bounded time. A worker that dies
    /// mid-attempt leaves its deliveries to be claimed again when their lease ends. Returns how many
    /// it attempted.
    @discardableResult
    public func deliverDue(using sender: any WebhookSender, limit: Int = 20, maxRounds: Int = 50) async throws -> Int {
        var attempted = 0
        for _ in 0..<maxRounds {
            let now = self.now
            let claimed = try await store.claimDueDeliveries(
                now: now, leaseUntil: now.addingTimeInterval(Self.deliveryLease), limit: limit)
            await withTaskGroup(of: Void.self) { group in
                for item in claimed { group.addTask { await self.attempt(item, using: sender) } }
            }
            attempted += claimed.count
            if claimed.count < limit { break }
        }
        return attempted
    }

    private func attempt(_ claimed: ClaimedDelivery, using sender: any WebhookSender) async {
        let delivery = claimed.delivery
        let outcome: AttemptOutcome
        if let problem = WebhookTarget.problem(delivery.url, allowPrivate: allowPrivateWebhooks) {
            outcome = .failed(reason: "url \(problem)")
        } else {
            let signature = WebhookSignature.header(body: delivery.payload, secret: claimed.secret, at: clock())
            outcome = await sender.post(delivery.url, headers: [
                ("Content-Type", "application/json"),
                ("User-Agent", "Frontdesk-Webhooks"),
                ("Frontdesk-Event", delivery.eventType.rawValue),
                ("Frontdesk-Delivery", delivery.id.text),
                ("Frontdesk-Signature", signature),
            ], body: delivery.payload, timeout: Self.webhookTimeout)
        }
        let (now, jitter, logger) = (self.now, Double.random(in: 0...1), self.logger)
        do {
            _ = try await store.changeDelivery(delivery.organizationID, delivery.id) { current in
                guard let next = current.recording(outcome, claimed: delivery, at: now, jitter: jitter) else {
                    logger.notice("A webhook delivery moved while it was attempted (a manual retry): its outcome is dropped",
                                  metadata: ["delivery": "\(delivery.id)"])
                    return current
                }
                return next
            }
        } catch {
            logger.error("recording webhook delivery \(delivery.id) failed: \(String(reflecting: error))")
        }
    }

    public func webhookDeliveries(
        _ caller: Caller, filter: DeliveryFilter, page: PageRequest
    ) async throws -> Page<WebhookDelivery> {
        try caller.require(.settingsRead)
        try caller.requireEveryLocation("location_id", "you see only some locations: webhook deliveries carry the whole organization's events")
        return try await store.webhookDeliveries(caller.organizationID, filter: filter, page: page)
    }

    /// Queues a delivery again now, with a fresh 24-hour retry window (also a delivered one: a
    /// receiver that lost it asks for it again).
    public func retryDelivery(_ caller: Caller, _ id: UUID) async throws -> WebhookDelivery {
        try caller.require(.settingsManage)
        try caller.requireEveryLocation("location_id", "you see only some locations: webhook deliveries carry the whole organization's events")
        let now = self.now
        return try await store.changeDelivery(caller.organizationID, id) { $0.retried(at: now) }
    }
}
