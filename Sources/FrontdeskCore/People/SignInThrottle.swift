import Foundation

/// Wrong passwords, counted per account and per address: past `limit` failures within `window`,
/// further attempts are refused (`429 too_many_attempts`) until the oldest failure counted leaves
/// the window. A success clears its account's count (not its address's). The same answer whether
/// the account exists or not: an unknown email counts as its own account.
public struct SignInThrottle: Sendable {
    public var limit: Int
    public var window: TimeInterval
    private var failures: [String: [TimeInterval]] = [:]

    public init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// The keys an attempt is counted under.
    public static func keys(email: String, address: String?) -> [String] {
        ["account:" + email] + (address.map { ["address:" + $0] } ?? [])
    }

    /// Seconds until an attempt under `keys` may be made, or nil when it may be made now.
    public func retryAfter(_ keys: [String], at now: Date) -> Int? {
        let waits = keys.compactMap { key -> TimeInterval? in
            let recent = recentFailures(key, at: now)
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return oldest + window - now.timeIntervalSince1970
        }
        return waits.max().map { max(1, Int($0.rounded(.up))) }
    }

    public mutating func fail(_ keys: [String], at now: Date) {
        for key in keys { failures[key] = recentFailures(key, at: now) + [now.timeIntervalSince1970] }
        // Forget the keys whose failures have all left the window, now and then.
        if failures.count > 10_000 { failures = failures.filter { !recentFailures($0.key, at: now).isEmpty } }
    }

    public mutating func succeed(email: String) {
        failures["account:" + email] = nil
    }

    private func recentFailures(_ key: String, at now: Date) -> [TimeInterval] {
        (failures[key] ?? []).filter { $0 > now.timeIntervalSince1970 - window }
    }
}
