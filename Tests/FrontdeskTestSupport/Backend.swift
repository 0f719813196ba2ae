import Foundation
import FrontdeskEngine
import FrontdeskSQLite
import Testing

/// A database the tests run on. A test takes one as its argument (`@Test(arguments: Backend.enabled)`),
/// so the same body runs on each engine: the store conformance suite, and the HTTP tests of the
/// endpoints that must behave the same on both.
public enum Backend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// SQLite always; PostgreSQL when `POSTGRES_URL` is set, or when `FRONTDESK_TEST_POSTGRES=1`
    /// asks for it (then a missing URL fails the PostgreSQL runs instead of skipping them).
    public static var enabled: [Backend] {
        let environment = ProcessInfo.processInfo.environment
        let hasURL = !(environment["POSTGRES_URL"] ?? "").isEmpty
        let required = environment["FRONTDESK_TEST_POSTGRES"] == "1"
        return hasURL || required ? [.sqlite, .postgres] : [.sqlite]
    }

    public var testDescription: String { rawValue }

    /// A fresh, isolated, migrated store.
    public func makeTestStore() async throws -> TestStore {
        switch self {
        case .sqlite: try await Self.makeSQLiteStore()
        case .postgres: try await Self.makePostgresStore()
        }
    }

    private static func makeSQLiteStore() async throws -> TestStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-store-tests")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("\(UUID().uuidString.lowercased()).sqlite").path
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        return TestStore(store: store, sqlitePath: path)
    }

    /// The PostgreSQL server the tests make their databases on (`POSTGRES_URL`).
    public static var postgresURL: String {
        get throws {
            guard let url = ProcessInfo.processInfo.environment["POSTGRES_URL"], !url.isEmpty else {
                throw BackendError.missingPostgresURL
            }
            return url
        }
    }
}

enum BackendError: Error, CustomStringConvertible {
    case missingPostgresURL

    var description: String {
        switch self {
        case .missingPostgresURL:
            "FRONTDESK_TEST_POSTGRES=1 but POSTGRES_URL is not set: the PostgreSQL runs cannot start."
        }
    }
}
