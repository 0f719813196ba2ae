import Foundation

/// Wrong passwords, counted per account and per address: past `limit` failures within `window`,
/// further attempts are refused (`429 too_many_attempts`) until enough failures have left the
/// window. A success clears its account's count (not its address's). The same answer whether the
/// account exists or not: an unknown email counts as its own account. The failures are the
/// store's, so that every server on one database counts them together.
public struct SignInThrottle: Sendable {
    public var limit: Int
    public var window: TimeInterval

    public init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// The keys an attempt is counted under.
    public static func keys(email: String, address: String?) -> [String] {
        [accountKey(email)] + (address.map { ["address:" + $0] } ?? [])
    }

    /// The key of an account's failures, which its success clears.
    public static func accountKey(_ email: String) -> String { "account:" + email }

    /// Failures before this instant no longer count.
    public func windowStart(at now: Date) -> Date { now.addingTimeInterval(-window) }

    /// Seconds until an attempt may be made, given the failures counted under each of its keys;
    /// nil when it may be made now.
    public func retryAfter(_ failures: [String: [Date]], at now: Date) -> Int? {
        let start = windowStart(at: now)
        let waits = failures.values.compactMap { instants -> TimeInterval? in
            let recent = instants.filter { $0 > start }.sorted()
            guard recent.count >= limit else { return nil }
            // Once this one leaves the window, one fewer than the limit is left.
            return recent[recent.count - limit].timeIntervalSince(start)
        }
        return waits.max().map { max(1, Int($0.rounded(.up))) }
    }
}
