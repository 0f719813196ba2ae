import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskPostgres
import FrontdeskSQLite
import Logging

/// `--database`: a SQLite path (the default, `frontdesk.sqlite`) or a `postgres://` URL.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite file path or postgres://user:pass@host:port/db URL (env FRONTDESK_DATABASE).")
    var database: String = ProcessInfo.processInfo.environment["FRONTDESK_DATABASE"] ?? "frontdesk.sqlite"

    var isPostgres: Bool { database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") }
    var kind: String { isPostgres ? "postgres" : "sqlite" }

    /// The store; a server's (`serving`) keeps its PostgreSQL connections open.
    func openStore(logger: Logger, serving: Bool = false) throws -> any FrontdeskStore {
        if isPostgres { return try PostgresStore(url: database, serving: serving, logger: logger) }
        if let scheme = database.range(of: "://").map({ database[..<$0.lowerBound] }) {
            throw CommandFailure("Unknown database URL scheme \(scheme)://: --database (FRONTDESK_DATABASE) takes "
                + "a SQLite file path or a postgres:// URL.")
        }
        return try SQLiteStore.open(path: database)
    }

    /// `FRONTDESK_DATABASE_WAIT`: how long a command waits for PostgreSQL to accept a connection
    /// before it gives up (10 seconds by default).
    static func databaseWait() throws -> Duration {
        .seconds(try Serve.positive("FRONTDESK_DATABASE_WAIT", ProcessInfo.processInfo.environment) ?? 10)
    }

    /// How long a person's sessions last: `FRONTDESK_SESSION_IDLE_MINUTES` without a request (8
    /// hours by default), `FRONTDESK_SESSION_MAX_HOURS` after the sign-in at most (7 days).
    static func sessionPolicy() throws -> SessionPolicy {
        let environment = ProcessInfo.processInfo.environment
        let defaults = SessionPolicy()
        return SessionPolicy(
            idle: try Serve.positive("FRONTDESK_SESSION_IDLE_MINUTES", environment).map { .seconds($0 * 60) } ?? defaults.idle,
            absolute: try Serve.positive("FRONTDESK_SESSION_MAX_HOURS", environment).map { .seconds($0 * 3_600) }
                ?? defaults.absolute)
    }

    /// Opens the store (a server's when `serving`), migrates it, runs `body` with an engine on it,
    /// and closes it.
    func withFrontdesk<T>(serving: Bool = false, _ body: (Frontdesk) async throws -> T) async throws -> T {
        let logger = Logger(label: "frontdesk")
        let store = try openStore(logger: logger, serving: serving)
        do {
            if let postgres = store as? PostgresStore { try await postgres.waitUntilReachable(within: Self.databaseWait()) }
            try await store.migrate()
            let frontdesk = Frontdesk(store: store, logger: logger, sessionPolicy: try Self.sessionPolicy())
            try await frontdesk.ensureDefaultOrganization()
            let result = try await body(frontdesk)
            try await store.shutdown()
            return result
        } catch {
            // Bounded: after a failed start the pool may still be mid-way through a connection
            // attempt (a TLS context, a connect timeout) that a shutdown waits for; nothing is
            // written then, so the command ends with its error rather than wait on it.
            await withinDeadline(.seconds(3), else: ()) { try? await store.shutdown() }
            throw error
        }
    }
}
