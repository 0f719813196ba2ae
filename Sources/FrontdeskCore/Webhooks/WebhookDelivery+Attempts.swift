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
