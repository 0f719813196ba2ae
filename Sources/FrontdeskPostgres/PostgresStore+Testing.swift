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
        try await run("CREATE DATABASE \(raw: name)", on: server, logger: logger)

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

    /// Another store on this store's database, as a second `frontdesk serve` process opens it: a
    /// pool and a listening connection of its own. Shut it down before this one.
    public func openedAgain() -> PostgresStore {
        PostgresStore(configuration: configuration, logger: logger, afterShutdown: nil)
    }

    /// Runs one statement on a connection of its own (CREATE and DROP DATABASE cannot run in a transaction).
    private static func run(_ sql: SQL, on configuration: PostgresClient.Configuration, logger: Logger) async throws {
        let store = PostgresStore(configuration: configuration, logger: logger, afterShutdown: nil)
        let outcome: Result<Void, any Error>
        do {
            _ = try await store.query(sql)
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        try await store.shutdown()
        try outcome.get()
    }
}
