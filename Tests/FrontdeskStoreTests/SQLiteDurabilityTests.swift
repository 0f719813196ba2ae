import Foundation
import FrontdeskEngine
@testable import FrontdeskSQLite
import FrontdeskTestSupport
import GRDB
import Testing

@Suite("SQLite durability")
struct SQLiteDurabilityTests {
    /// The writer commits in WAL mode without syncing (`synchronous = NORMAL`), on a store opened
    /// for the first time and on one opened again: `WALSync` syncs beside it.
    @Test func writerCommitsInWALModeAndSyncsBesideIt() async throws {
        try await withTestStore(.sqlite) { test in
            let again = try test.openedAgain()
            for store in [test.store, again] {
                let pool = try #require(store as? SQLiteStore).pool
                let (journal, synchronous) = try await pool.writeWithoutTransaction { db in
                    (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
                }
                #expect(journal == "wal")
                #expect(synchronous == 1, "1 is NORMAL: the commit does not wait for the disk, WALSync does")
            }
            try await again.shutdown()
        }
    }

    /// A 2xx means on disk: a write is answered only once a sync covers its batch, however many
    /// writes are committed around it; and events are handed out only once they are on disk.
    @Test func writesAndEventsWaitForTheirSync() async throws {
        try await withTestStore(.sqlite) { test in
            let store = try #require(test.store as? SQLiteStore)
            try await store.pool.write { db in try db.execute(sql: "CREATE TABLE written (k INTEGER PRIMARY KEY)") }
            let covered = await withTaskGroup(of: Bool.self) { group in
                for key in 0..<200 {
                    group.addTask {
                        let before = store.durability.progress.begun
                        if key % 4 == 0 {
                            // Whatever a read sees was begun by now; the events wait until it is on disk.
                            _ = try? await store.events(UUID(), after: 0, limit: 10)
                            return store.durability.progress.synced >= before
                        }
                        // The write's batch is begun after `before` was read: its sync covers one past it.
                        _ = try? await store.write { db in try db.run("INSERT INTO written (k) VALUES (?)", [key]) }
                        return store.durability.progress.synced > before
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(covered.count == 200 && covered.allSatisfy { $0 })
            let written = try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM written") }
            #expect(written == 150)
            let progress = store.durability.progress
            #expect(progress.synced == progress.begun, "nothing is left unsynced once every write is answered")
        }
    }
}
