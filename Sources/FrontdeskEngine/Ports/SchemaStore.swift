import Foundation
import FrontdeskCore

/// The storage's own life: its schema and its connections.
public protocol SchemaStore: Sendable {
    /// Applies every migration this build knows and the database lacks.
    func migrate() async throws
    /// Throws `StoreError.unknownMigrations` if the database was migrated by a newer build.
    func verifySchema() async throws
    /// Closes connections; the store cannot be used afterwards.
    func shutdown() async throws
    /// What its connections are doing now (readers, writer queue, pool), for `/metrics`.
    var connectionGauges: [ConnectionGauge] { get }
}

/// Failures of the storage itself, not of a rule.
public enum StoreError: Error, Sendable, Equatable {
    /// The database has migrations this build does not know: it was written by a newer Frontdesk.
    case unknownMigrations([String])
    /// The database has not been migrated (run `frontdesk migrate`).
    case notMigrated
}

extension StoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unknownMigrations(let versions):
            "The database has migrations this build does not know (\(versions.joined(separator: ", "))): "
                + "it was migrated by a newer Frontdesk. Run that version, or restore a backup."
        case .notMigrated:
            "The database is not migrated: run `frontdesk migrate`."
        }
    }
}
