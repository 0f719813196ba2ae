import Foundation
import FrontdeskEngine
@testable import FrontdeskPostgres
import FrontdeskTestSupport
import Testing

/// PostgreSQL going away under a request (restarted, crashed, its connections terminated) is
/// `StoreUnavailable` (the HTTP layer's `503 database_unavailable`), not an internal error; and the
/// store fails fast until a probe gets a new connection, then answers again, with no restart of
/// the process.
@Suite("Database unavailable", .timeLimit(.minutes(1)), .enabled(if: Backend.enabled.contains(.postgres)))
struct DatabaseUnavailableTests {
    @Test func aConnectionLostUnderARequestIsUnavailableAndTheStoreRecovers() async throws {
        try await withTestStore(.postgres) { test in
            let store = try #require(test.store as? PostgresStore)
            let admin = store.openedAgain()
            do {
                let running = Task { try await store.query("SELECT pg_sleep(30)") }
                // Once the sleep runs, every other connection to the database is terminated, as a
                // server shutting down does (SQLSTATE 57P01), the sleeping one and the idle ones.
                var seen = false
                for _ in 0..<100 where !seen {
                    let rows = try await admin.query("""
                        SELECT count(*)::int AS sleeping FROM pg_stat_activity
                        WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%' AND state = 'active'
                        """)
                    seen = try rows.first?.value("sleeping", as: Int.self) == 1
                    if !seen { try await Task.sleep(for: .milliseconds(50)) }
                }
                try #require(seen)
                _ = try await admin.query("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid()
                    """)
                await #expect(throws: StoreUnavailable.self) { _ = try await running.value }

                // The store recovers on its own: it fails fast while its probe waits for a new
                // connection, then statements go through again (within 20 s, on a busy machine too).
                var answered: Int?
                for _ in 0..<400 where answered == nil {
                    do {
                        answered = try await store.apiKeyCount()
                    } catch is StoreUnavailable {
                        try await Task.sleep(for: .milliseconds(50))
                    }
                }
                #expect(answered == 0)
            } catch {
                try await admin.shutdown()
                throw error
            }
            try await admin.shutdown()
        }
    }
}
