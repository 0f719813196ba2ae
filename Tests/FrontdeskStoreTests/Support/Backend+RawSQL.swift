import Foundation
@testable import FrontdeskPostgres
import FrontdeskTestSupport
import GRDB
import Testing

/// Writes behind the store's back, for the few tests that simulate a database touched by
/// something else (a newer build): SQLite through a connection of its own to the file,
/// PostgreSQL through the adapter's internal statement runner (`@testable`, debug builds).
extension Backend {
    /// Runs `sql` (one statement) on the test's database.
    func execute(_ sql: String, in test: TestStore) async throws {
        switch self {
        case .sqlite:
            let queue = try DatabaseQueue(path: try #require(test.sqlitePath))
            defer { try? queue.close() }
            try await queue.write { db in try db.execute(sql: sql) }
        case .postgres:
            let store = try #require(test.store as? PostgresStore)
            _ = try await store.query("\(raw: sql)")
        }
    }

    /// Records `version` in `schema_migrations`, as a newer build would have.
    func recordMigration(_ version: String, in test: TestStore) async throws {
        switch self {
        case .sqlite:
            let queue = try DatabaseQueue(path: try #require(test.sqlitePath))
            try await queue.write { db in
                try db.execute(sql: "INSERT INTO schema_migrations (version, applied_at) VALUES (?, 0)", arguments: [version])
            }
            try queue.close()
        case .postgres:
            let store = try #require(test.store as? PostgresStore)
            _ = try await store.query("INSERT INTO schema_migrations (version, applied_at) VALUES (\(version), now())")
        }
    }
}
