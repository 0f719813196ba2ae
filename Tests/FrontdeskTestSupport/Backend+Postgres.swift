import Foundation
import FrontdeskEngine
import FrontdeskPostgres

extension Backend {
    /// The one place the PostgreSQL adapter is wired in: a fresh database of its own per test,
    /// dropped when the store shuts down.
    static func makePostgresStore() async throws -> TestStore {
        TestStore(store: try await PostgresStore.makeTestStore(baseURL: try postgresURL), sqlitePath: nil)
    }
}
