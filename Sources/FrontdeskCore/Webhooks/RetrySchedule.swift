import Foundation

/// Exponential backoff with jitter: 10 s after the first failed attempt, doubling each time up to
/// an hour, each delay stretched by up to half again at random so that retries of many deliveries
/// to one recovering receiver spread out.
public enum RetrySchedule {
    public static let base: TimeInterval = 10
    public static let cap: TimeInterval = 3600

    /// The delay after the `attempt`-th failed attempt (1-based); `jitter` in 0...1.
    public static func delay(afterAttempt attempt: Int, jitter: Double) -> TimeInterval {
        let exponential = base * pow(2, Double(max(0, min(attempt - 1, 20))))
        return min(exponential, cap) * (1 + 0.5 * min(max(jitter, 0), 1))
    }
}
