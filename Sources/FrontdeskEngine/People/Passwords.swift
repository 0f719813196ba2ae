import Dispatch
import Foundation
import FrontdeskCore
import HummingbirdBcrypt
import Synchronization

/// Passwords, hashed with bcrypt (salted, slow on purpose). Hashing and checking take a tenth of a
/// second or more of one core at the default cost, so they run on Dispatch's threads, not on the
/// few threads Swift's concurrency shares between every request.
final class Passwords: Sendable {
    /// bcrypt's cost: each step doubles the work (12 by default; tests use the least, 4).
    let cost: UInt8

    /// A hash of nothing anyone can type, checked when an email is unknown: a wrong email takes
    /// as long to refuse as a wrong password. Made on first use.
    private let decoyHash = Mutex<String?>(nil)

    init(cost: UInt8) {
        self.cost = cost
    }

    private var decoy: String {
        decoyHash.withLock { decoy in
            if let decoy { return decoy }
            let made = Bcrypt.hash(KeySecret.random(32), cost: cost)
            decoy = made
            return made
        }
    }

    func hash(_ password: String) async -> String {
        let cost = cost
        return await Self.offload { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` is the one of `hash`; nil `hash` (no such user, or no password yet)
    /// takes as long and is false.
    func verify(_ password: String, hash: String?) async -> Bool {
        await Self.offload { Bcrypt.verify(password, hash: hash ?? self.decoy) && hash != nil }
    }

    private static func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
