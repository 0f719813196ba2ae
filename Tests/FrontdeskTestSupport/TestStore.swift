import Foundation
import FrontdeskEngine
import FrontdeskPostgres
import FrontdeskSQLite

/// A store made for one test, and what to clean up after it.
public struct TestStore: Sendable {
    public let store: any FrontdeskStore
    /// The database file of a SQLite store.
    public let sqlitePath: String?

    /// Removes a SQLite store's files (after `shutdown`).
    public func removeFiles() {
        guard let sqlitePath else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlitePath + suffix) }
    }

    /// Another store on the same database, as a server started again (or a second process) opens
    /// it. Shut it down before this one: this one's shutdown drops a PostgreSQL test database.
    public func openedAgain() throws -> any FrontdeskStore {
        if let sqlitePath { return try SQLiteStore(path: sqlitePath) }
        guard let postgres = store as? PostgresStore else { preconditionFailure("a test store is SQLite or PostgreSQL") }
        return postgres.openedAgain()
    }
}

/// Runs `body` with a fresh migrated store, and shuts it down (and removes it) afterwards even
/// when `body` throws.
public func withTestStore(_ backend: Backend, _ body: (TestStore) async throws -> Void) async throws {
    let test = try await backend.makeTestStore()
    let outcome: Result<Void, any Error>
    do {
        try await body(test)
        outcome = .success(())
    } catch {
        outcome = .failure(error)
    }
    try await test.store.shutdown()
    test.removeFiles()
    try outcome.get()
}
