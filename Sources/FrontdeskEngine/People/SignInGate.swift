import Foundation
import FrontdeskCore
import Synchronization

/// The engine's count of wrong passwords (`SignInThrottle`), kept in memory: one server's own.
/// Several servers on one PostgreSQL database each count their own attempts.
final class SignInGate: Sendable {
    private let throttle = Mutex(SignInThrottle())

    func retryAfter(_ keys: [String], at now: Date) -> Int? {
        throttle.withLock { $0.retryAfter(keys, at: now) }
    }

    func fail(_ keys: [String], at now: Date) {
        throttle.withLock { $0.fail(keys, at: now) }
    }

    func succeed(email: String) {
        throttle.withLock { $0.succeed(email: email) }
    }
}
