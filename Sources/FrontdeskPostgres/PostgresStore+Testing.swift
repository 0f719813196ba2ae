import Foundation
import FrontdeskCore
import Logging
import PostgresNIO

extension PostgresStore {
    /// A fresh, migrated store on a database of its own, created on the server `baseURL` points to
    /// (its user must be allowed to create databases). The database is dropped when the store shuts
    /// down. Conformance tests make one per test, so tests never see each other's rows.
    public static func makeTestStore(baseURL: String) async throws -> PostgresStore {
        let logger = {
            var logger = Logger(label: "frontdesk.postgres.test")
            logger.logLevel = .warning
            return logger
        }()
        let server = try PostgresClient.Configuration(url: baseURL)
        let name = "fd_test_" + UUID().text.replacingOccurrences(of: "-", with: "")
        // A copy of a database migrated once: hundreds of tests each running every migration kept
        // the server busy long enough for the tests waiting behind them to time out.
        let template = try await templates.migrated(on: server, logger: logger)
        try await run("CREATE DATABASE \(raw: name) TEMPLATE \(raw: template)", on: server, logger: logger)

        var configuration = server
        configuration.database = name
        configuration.options.maximumConnections = 10
        let store = PostgresStore(configuration: configuration, logger: logger) {
            try await run("DROP DATABASE \(raw: name) WITH (FORCE)", on: server, logger: logger)
        }
        do {
            try await store.migrate()
        } catch {
            try? await store.shutdown()
            throw error
        }
        return store
    }

    private static let templates = TemplateDatabases()

    /// The migrated databases test databases are copied from, one per schema: named after a hash of
    /// every migration's statements, so that a schema changed by any statement gets a new one, and
    /// kept on the server for the next run (no connection to it stays open: a template being copied
    /// must have none).
    private actor TemplateDatabases {
        private var made: [String: Task<String, any Error>] = [:]

        func migrated(on server: PostgresClient.Configuration, logger: Logger) async throws -> String {
            let name = "fd_template_" + String(Self.fingerprint(PostgresMigrations.all.flatMap { [$0.version] + $0.statements }),
                                               radix: 16)
            if let task = made[name] { return try await task.value }
            let task = Task { () async throws -> String in
                let exists = try await PostgresStore.exists(database: name, on: server, logger: logger)
                if !exists {
                    // Migrated under another name, then renamed: a run that stops midway leaves no
                    // half-migrated template behind.
                    let building = "fd_building_" + UUID().text.replacingOccurrences(of: "-", with: "")
                    try await PostgresStore.run("CREATE DATABASE \(raw: building)", on: server, logger: logger)
                    var configuration = server
                    configuration.database = building
                    try await PostgresStore.using(configuration, logger: logger) { try await $0.migrate() }
                    try await PostgresStore.run("ALTER DATABASE \(raw: building) RENAME TO \(raw: name)", on: server, logger: logger)
                }
                return name
            }
            made[name] = task
            return try await task.value
        }

        /// FNV-1a over the texts: stable across processes, as Swift's `Hasher` is not.
        private static func fingerprint(_ texts: [String]) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in texts.joined(separator: "\u{0}").utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            return hash
        }
    }

    private static func exists(database: String, on server: PostgresClient.Configuration, logger: Logger) async throws -> Bool {
        try await using(server, logger: logger) { store in
            try await !store.query("SELECT 1 FROM pg_database WHERE datname = \(database)").isEmpty
        }
    }

    /// Another store on this store's database, as a second `frontdesk serve` process opens it: a
    /// pool and a listening connection of its own. Shut it down before this one.
    public func openedAgain() -> PostgresStore {
        PostgresStore(configuration: configuration, logger: logger, afterShutdown: nil)
    }

    /// Runs one statement on a connection of its own (CREATE and DROP DATABASE cannot run in a transaction).
    fileprivate static func run(_ sql: SQL, on configuration: PostgresClient.Configuration, logger: Logger) async throws {
        try await using(configuration, logger: logger) { _ = try await $0.query(sql) }
    }

    /// `body` on a store of its own, shut down after it whatever it did.
    private static func using<T: Sendable>(
        _ configuration: PostgresClient.Configuration, logger: Logger, _ body: (PostgresStore) async throws -> T
    ) async throws -> T {
        let store = PostgresStore(configuration: configuration, logger: logger, afterShutdown: nil)
        let outcome: Result<T, any Error>
        do {
            outcome = .success(try await body(store))
        } catch {
            outcome = .failure(error)
        }
        try await store.shutdown()
        return try outcome.get()
    }
}
