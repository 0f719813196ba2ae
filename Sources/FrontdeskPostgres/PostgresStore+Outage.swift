import FrontdeskEngine
import PostgresNIO
import Synchronization

/// PostgreSQL as this process last saw it: reachable, or away since a connection failed under a
/// statement (the server stopped, restarted or crashed). While it is away, statements fail at once
/// as `StoreUnavailable` (`503 database_unavailable`) instead of queueing for a connection the pool
/// cannot make (the pool keeps a request waiting up to a minute). One probe asks the pool for a
/// connection until it gets one (on a new pool if the old one makes none); from then on statements
/// go through again: the process recovers without a restart.
final class Outage: Sendable {
    private let away = Atomic(false)
    private let probe = Mutex<Task<Void, Never>?>(nil)

    var isAway: Bool { away.load(ordering: .acquiring) }

    /// Marks the database away and starts `probing` unless a probe runs; when it returns, the
    /// database is back.
    func begin(probing: @escaping @Sendable () async -> Void) {
        away.store(true, ordering: .releasing)
        probe.withLock { running in
            guard running == nil else { return }
            running = Task {
                await probing()
                self.probe.withLock { $0 = nil }
                self.away.store(false, ordering: .releasing)
            }
        }
    }

    /// Stops the probe (the store shuts down).
    func end() async {
        guard let running = probe.withLock({ $0 }) else { return }
        running.cancel()
        await running.value
    }
}

extension PostgresStore {
    /// Refuses a statement at once while the database is away.
    func refuseWhileAway() throws {
        if outage.isAway { throw StoreUnavailable(reason: "the database was away at the last attempt; probing") }
    }

    /// `error` as the store throws it (`PostgresErrors.translate`); a database that cannot be
    /// reached begins an outage.
    func failure(_ error: any Error) -> any Error {
        let translated = PostgresErrors.translate(error)
        if let unavailable = translated as? StoreUnavailable {
            outage.begin { [self] in
                logger.warning("PostgreSQL is unavailable; statements fail with 503 until it answers again",
                               metadata: ["reason": "\(unavailable.reason)"])
                await probeUntilReachable()
                logger.notice("PostgreSQL answers again")
            }
        }
        return translated
    }

    /// Asks the pool for a connection (which makes it try to connect) until it gets one, or the
    /// store shuts down. A pool that hands out none within `probePatience` is replaced by a new
    /// one, and whatever waited on it fails as unavailable. A pool stops handing out connections
    /// when all of them are leased to statements that never end: PostgresNIO (1.33) does that to a
    /// statement written to a connection that has just closed. `PostgresConnection+SQL.swift` fails
    /// such a statement once it is written; the new pool is the backstop for any other way to hang.
    private func probeUntilReachable() async {
        while !Task.isCancelled && !isShutDown {
            let answered: Bool? = await withinDeadline(Self.probePatience, else: nil) { [self] in
                do {
                    _ = try await client.rows("SELECT 1", logger: logger)
                    return true
                } catch {
                    return false  // refused while PostgreSQL is down, or a pool replaced meanwhile
                }
            }
            switch answered {
            case true?: return
            case false?: try? await Task.sleep(for: .milliseconds(250))
            case nil:
                logger.warning("The PostgreSQL pool handed out no connection in time; starting a new one")
                replacePool()
            }
        }
    }

    /// How long a probe waits for the pool to hand out a connection.
    static let probePatience: Duration = .seconds(5)
}
