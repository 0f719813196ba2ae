import Foundation

/// What one attempt got back: the status code of an answer, or why there was none.
public enum AttemptOutcome: Sendable, Hashable {
    case answered(status: Int)
    case failed(reason: String)

    public var isSuccess: Bool {
        if case .answered(let status) = self { (200..<300).contains(status) } else { false }
    }
}

extension WebhookDelivery {
    /// How long a delivery keeps being retried after its event (and after a manual retry).
    public static let retryWindow: TimeInterval = 24 * 3600

    /// The delivery after an attempt that ended at `now`: delivered on 2xx; otherwise pending again
    /// after the schedule's delay (`jitter` in 0...1), or failed once that would pass `expiresAt`.
    public func after(_ outcome: AttemptOutcome, at now: Date, jitter: Double) -> WebhookDelivery {
        var next = self
        next.attempts += 1
        next.updatedAt = now.truncatedToMilliseconds
        switch outcome {
        case .answered(let status):
            next.lastStatusCode = status
            next.lastError = outcome.isSuccess ? nil : "HTTP \(status)"
        case .failed(let reason):
            next.lastStatusCode = nil
            next.lastError = reason
        }
        if outcome.isSuccess {
            next.status = .delivered
            next.deliveredAt = now.truncatedToMilliseconds
            next.nextAttemptAt = nil
            return next
        }
        let due = now.addingTimeInterval(RetrySchedule.delay(afterAttempt: next.attempts, jitter: jitter))
        if due > expiresAt {
            next.status = .failed
            next.nextAttemptAt = nil
        } else {
            next.status = .pending
            next.nextAttemptAt = due.truncatedToMilliseconds
        }
        return next
    }

    /// The delivery after the attempt that claimed it as `claimed` ended with `outcome`: as
    /// `after(_:at:jitter:)`, unless it has moved since the claim: a manual retry queued it again,
    /// or its lease ran out and another worker claimed it. That move wins and the outcome is
    /// dropped (nil). The claim's attempt count, due time (its lease) and retry window are the
    /// attempt's token: a retry renews the window and the due time, a new claim the due time.
    public func recording(_ outcome: AttemptOutcome, claimed: WebhookDelivery, at now: Date,
                          jitter: Double) -> WebhookDelivery? {
        guard status == .pending, attempts == claimed.attempts, nextAttemptAt == claimed.nextAttemptAt,
              expiresAt == claimed.expiresAt
        else { return nil }
        return after(outcome, at: now, jitter: jitter)
    }

    /// The delivery queued again now, with a fresh retry window (a manual retry).
    public func retried(at now: Date) -> WebhookDelivery {
        var next = self
        next.status = .pending
        next.nextAttemptAt = now.truncatedToMilliseconds
        next.expiresAt = now.addingTimeInterval(Self.retryWindow).truncatedToMilliseconds
        next.updatedAt = now.truncatedToMilliseconds
        return next
    }
}
