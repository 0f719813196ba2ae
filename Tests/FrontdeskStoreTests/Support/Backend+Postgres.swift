import Foundation
import FrontdeskEngine

extension Backend {
    /// The one place the PostgreSQL adapter is wired in.
    static func makePostgresStore() async throws -> TestStore {
        _ = try postgresURL
        throw BackendError.postgresAdapterMissing
    }
}
