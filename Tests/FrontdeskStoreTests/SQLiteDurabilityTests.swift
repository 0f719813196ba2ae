import FrontdeskEngine
@testable import FrontdeskSQLite
import FrontdeskTestSupport
import GRDB
import Testing

@Suite("SQLite durability")
struct SQLiteDurabilityTests {
    /// A 2xx means committed: the writer syncs the WAL at every commit (`synchronous = FULL`), in
    /// WAL mode, on a store opened for the first time and on one opened again.
    @Test func writerSyncsEveryCommit() async throws {
        try await withTestStore(.sqlite) { test in
            let again = try test.openedAgain()
            for store in [test.store, again] {
                let pool = try #require(store as? SQLiteStore).pool
                let (journal, synchronous) = try await pool.writeWithoutTransaction { db in
                    (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
                }
                #expect(journal == "wal")
                #expect(synchronous == 2, "2 is FULL; GRDB's pool leaves NORMAL (1), which syncs only at checkpoints")
            }
            try await again.shutdown()
        }
    }
}
