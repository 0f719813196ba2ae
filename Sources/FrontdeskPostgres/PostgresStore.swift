import Foundation
import FrontdeskEngine
import Logging
import PostgresNIO
import Synchronization

/// The scale-out store: PostgreSQL through a PostgresNIO connection pool, for several stateless
/// `frontdesk serve` replicas on one database. Every write is one transaction (read committed) that
/// locks the rows it checks before reading what depends on them: a booking locks its resources in
/// id order (its number comes from its series before, in a statement of its own); a change of
/// bookings or of a booking's checkins locks the organization row first; a visit begins on its
/// resource's lock, taken last (`admit`); an exclusion constraint on exclusive resources backs
/// the booking planner up. Events are numbered after their write commits
/// (`PostgresStore+Sequencing.swift`), so no lock orders the outbox.
///
/// The store runs its client's connection pool itself: create it, use it, `shutdown()` it.
public final class PostgresStore: SchemaStore {
    let configuration: PostgresClient.Configuration
    let logger: Logger
    /// The connection pool and the task running it. Replaced when, during an outage, the pool
    /// hands out no connection in time (`PostgresStore+Outage.swift`); none after `shutdown()`.
    private let pools: Mutex<(client: PostgresClient, running: Task<Void, Never>, closed: Bool)>
    /// What the pool logs in the background (`init`).
    private let backgroundLogger: Logger
    /// Wakes this process's event streams on each `NOTIFY` of the events channel.
    let notifier = EventNotifier()
    /// This process's runs of the event sequencer.
    let numberingRuns = NumberingRuns()
    /// The one connection of this process on `LISTEN`, started by the first event stream.
    let listener = Mutex<Task<Void, Never>?>(nil)
    /// The time zone each organization had at its last booking here: the year a booking's number
    /// is taken in, before its organization is read (`numberedOrganization`).
    let bookingZones = Mutex<[UUID: TimeZone]>([:])
    /// Statements and transactions running now (`connectionGauges`).
    let operationsInFlight = Atomic(0)
    /// Whether PostgreSQL is away, as this process last saw it (`PostgresStore+Outage.swift`).
    let outage = Outage()
    /// Runs once the pool is closed (a test store drops its database).
    private let afterShutdown: (@Sendable () async throws -> Void)?

    /// Connects to `url`: `postgres://user:password@host:port/database` (or `postgresql://`), with
    /// an optional `?sslmode=`. Connections open on first use; call `migrate()` or `verifySchema()`.
    /// A server's store (`serving`) keeps them open instead (`keepingConnections`).
    public convenience init(url: String, maximumConnections: Int = 20, serving: Bool = false,
                            logger: Logger = Logger(label: "frontdesk.postgres")) throws {
        var configuration = try PostgresClient.Configuration(url: url)
        configuration.options.maximumConnections = maximumConnections
        if serving { configuration.options = Self.keepingConnections(configuration.options) }
        self.init(configuration: configuration, logger: logger)
    }

    /// A long-running pool's options: every connection stays open (the minimum is the maximum),
    /// and one idle for 5 s is checked with a query. PostgresNIO 1.33 arms a keep-alive timer (30 s
    /// by default) each time a connection goes back to the pool, and an idle timer (60 s) above the
    /// minimum, and cancels them when it is leased again; on Linux a cancelled `Task.sleep` keeps its
    /// task and its dispatch timer until its deadline. A booking returns connections about three
    /// times: over 10,000 bookings `heaptrack` found 33,182 such sleeps, 13 MB at the peak, and the
    /// server's RSS grew from 47 to 155 MB while `scripts/bench --postgres` made 100,000 bookings.
    /// With these options it stays flat (63 MB over 45,000 bookings).
    static func keepingConnections(_ options: PostgresClient.Configuration.Options) -> PostgresClient.Configuration.Options {
        var options = options
        options.minimumConnections = options.maximumConnections
        options.keepAliveBehavior = .init(frequency: .seconds(5))
        return options
    }

    public convenience init(configuration: PostgresClient.Configuration,
                            logger: Logger = Logger(label: "frontdesk.postgres")) {
        self.init(configuration: configuration, logger: logger, afterShutdown: nil)
    }

    init(configuration: PostgresClient.Configuration, logger: Logger,
         afterShutdown: (@Sendable () async throws -> Void)?) {
        // The pool logs every failed attempt to connect at `info`, again and again while the
        // database is away: start-up waits a bounded time instead (`waitUntilReachable`), and
        // requests meanwhile fail as problems of their own.
        var background = logger
        background.logLevel = max(logger.logLevel, .warning)
        let (client, running) = Self.startPool(configuration, background)
        pools = Mutex((client, running, false))
        backgroundLogger = background
        self.configuration = configuration
        self.logger = logger
        self.afterShutdown = afterShutdown
    }

    /// The pool statements run on now.
    var client: PostgresClient { pools.withLock { $0.client } }

    /// Whether `shutdown()` has closed the pool.
    var isShutDown: Bool { pools.withLock { $0.closed } }

    private static func startPool(
        _ configuration: PostgresClient.Configuration, _ logger: Logger
    ) -> (PostgresClient, Task<Void, Never>) {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        // Immediate: the pool is running before the first query asks it for a connection.
        return (client, Task.immediate { await client.run() })
    }

    /// Puts a new pool in the place of the current one, which closes: whatever still waits on it
    /// fails as the database unavailable (`poolClosed`).
    func replacePool() {
        let (client, running) = Self.startPool(configuration, backgroundLogger)
        let replaced = pools.withLock { pools -> Task<Void, Never>? in
            guard !pools.closed else { return nil }
            defer { pools.client = client; pools.running = running }
            return pools.running
        }
        guard let replaced else {
            running.cancel()
            return
        }
        replaced.cancel()
    }

    public func migrate() async throws {
        try await transaction { connection in try await PostgresMigrations.apply(connection, logger: self.logger) }
    }

    public func verifySchema() async throws {
        try await client.withConnection { connection in
            try await PostgresMigrations.verify(connection, logger: self.logger)
        }
    }

    public func shutdown() async throws {
        if let listening = listener.withLock({ $0.take() }) {
            listening.cancel()
            await listening.value
        }
        // The pool closes first: a probe waiting on it for a connection then ends (`poolClosed`);
        // awaited before, a probe the pool never answers would hold the shutdown forever.
        let running = pools.withLock { pools in
            pools.closed = true
            return pools.running
        }
        running.cancel()
        await running.value
        await outage.end()
        try await afterShutdown?()
    }

    /// One transaction on a pooled connection (`PostgresConnection.transaction`), backend violations
    /// translated into domain errors: a `FrontdeskError` thrown by `body` (or by the engine's
    /// closure inside it) comes out as itself.
    func transaction<T: Sendable>(
        isolation: isolated (any Actor)? = #isolation, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await leased(isolation: isolation) { connection in
            try await connection.transaction(logger: logger, isolation: isolation, body)
        }
    }

    /// `body` on a pooled connection, its errors translated as `transaction`'s.
    func leased<T: Sendable>(
        isolation: isolated (any Actor)? = #isolation, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        operationsInFlight.add(1, ordering: .relaxed)
        defer { operationsInFlight.subtract(1, ordering: .relaxed) }
        try refuseWhileAway()
        do {
            return try await client.withConnection(isolation: isolation) { connection in try await body(connection) }
        } catch {
            throw failure(error)
        }
    }

    /// One statement on any pooled connection, atomic on its own; returns the rows it returns.
    func query(_ sql: SQL) async throws -> [PostgresRandomAccessRow] {
        operationsInFlight.add(1, ordering: .relaxed)
        defer { operationsInFlight.subtract(1, ordering: .relaxed) }
        try refuseWhileAway()
        do {
            return try await client.rows(sql, logger: logger)
        } catch {
            throw failure(error)
        }
    }
}

/// Every port, each implemented in the file named after its feature.
extension PostgresStore: FrontdeskStore {}
