import FrontdeskEngine
import FrontdeskPostgres
import FrontdeskSQLite
import Logging

extension StoreOptions {
    /// Opens the store for an export or an import, runs `body` with it, and closes it.
    func withTransferStore<T>(_ body: (any SchemaStore & TransferStore) async throws -> T) async throws -> T {
        let logger = Logger(label: "frontdesk")
        let store: any SchemaStore & TransferStore =
            isPostgres ? try PostgresStore(url: database, logger: logger) : try SQLiteStore(path: database)
        do {
            let result = try await body(store)
            try await store.shutdown()
            return result
        } catch {
            try? await store.shutdown()
            throw error
        }
    }

    /// Refuses `frontdesk backup` and `restore` of a PostgreSQL database, which its own tools do better.
    func requireSQLite() throws {
        if isPostgres { throw PostgresBackupRefused() }
    }
}

/// `frontdesk backup` or `restore` was given a PostgreSQL database.
struct PostgresBackupRefused: Error, CustomStringConvertible {
    var description: String {
        "frontdesk backup and restore copy SQLite files: back a PostgreSQL database up with pg_dump and restore it with pg_restore."
    }
}
