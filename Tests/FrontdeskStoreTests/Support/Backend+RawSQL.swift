import Foundation
import GRDB
import Testing

/// Writes behind the store's back, for the few tests that simulate a database touched by
/// something else (a newer build). Only where the backend gives the suite a way in.
extension Backend {
    var supportsRawSQL: Bool { self == .sqlite }

    /// Records `version` in `schema_migrations`, as a newer build would have.
    func recordMigration(_ version: String, in test: TestStore) async throws {
        switch self {
        case .sqlite:
            let queue = try DatabaseQueue(path: test.sqlitePath!)
            try await queue.write { db in
                try db.execute(sql: "INSERT INTO schema_migrations (version, applied_at) VALUES (?, 0)", arguments: [version])
            }
            try queue.close()
        case .postgres:
            Issue.record("no raw SQL access to a PostgreSQL test store")
        }
    }
}
