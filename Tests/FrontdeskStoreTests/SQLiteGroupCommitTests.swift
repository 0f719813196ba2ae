import Foundation
@testable import FrontdeskSQLite
import FrontdeskTestSupport
import GRDB
import Synchronization
import Testing

/// Writes committed together: each one that fails is refused alone, whether it failed before
/// writing (no savepoint needed) or after (its batch runs again, each write in a savepoint).
@Suite("SQLite group commit")
struct SQLiteGroupCommitTests {
    private struct Refused: Error {}

    /// How many times each write's body ran.
    private final class Runs: Sendable {
        let counts = Mutex<[Int: Int]>([:])
        func count(_ key: Int) { counts.withLock { $0[key, default: 0] += 1 } }
    }

    @Test func aFailingWriteIsRefusedAloneAndLeavesNothing() async throws {
        try await withTestStore(.sqlite) { test in
            let store = try #require(test.store as? SQLiteStore)
            try await store.pool.write { db in try db.execute(sql: "CREATE TABLE written (k INTEGER PRIMARY KEY)") }
            let runs = Runs()
            let refusedBeforeWriting = 3, failedAfterWriting = 6
            // The first write holds the writer while the others queue up behind it: they form one batch.
            async let held: Void = store.write { _ in Thread.sleep(forTimeInterval: 0.3) }
            try await Task.sleep(for: .milliseconds(50))
            let succeeded = await withTaskGroup(of: (Int, Bool).self) { group in
                for key in 0..<10 {
                    group.addTask {
                        let written = try? await store.write { db in
                            runs.count(key)
                            if key != refusedBeforeWriting { try db.run("INSERT INTO written (k) VALUES (?)", [key]) }
                            if key == refusedBeforeWriting || key == failedAfterWriting { throw Refused() }
                            return key
                        }
                        return (key, written == key)
                    }
                    try? await Task.sleep(for: .milliseconds(5))  // queued in the order of their keys
                }
                return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            try await held
            let refused: Set = [refusedBeforeWriting, failedAfterWriting]
            #expect(succeeded.filter { !$0.value }.keys.sorted() == refused.sorted())
            let rows = try await store.pool.read { db in try Int.fetchAll(db, sql: "SELECT k FROM written ORDER BY k") }
            #expect(rows == (0..<10).filter { !refused.contains($0) })
            // One batch: the write that failed after writing sent it round again, in savepoints;
            // the writes queued after it had not run yet.
            #expect(runs.counts.withLock { $0 } == Dictionary(uniqueKeysWithValues: (0..<10).map { ($0, $0 <= 6 ? 2 : 1) }))
        }
    }

    @Test func writesThatFailBeforeWritingRunOnce() async throws {
        try await withTestStore(.sqlite) { test in
            let store = try #require(test.store as? SQLiteStore)
            try await store.pool.write { db in try db.execute(sql: "CREATE TABLE written (k INTEGER PRIMARY KEY)") }
            let runs = Runs()
            async let held: Void = store.write { _ in Thread.sleep(forTimeInterval: 0.3) }
            try await Task.sleep(for: .milliseconds(50))
            await withTaskGroup(of: Void.self) { group in
                for key in 0..<10 {
                    group.addTask {
                        _ = try? await store.write { db in
                            runs.count(key)
                            if key.isMultiple(of: 2) { throw Refused() }
                            try db.run("INSERT INTO written (k) VALUES (?)", [key])
                        }
                    }
                }
            }
            try await held
            let rows = try await store.pool.read { db in try Int.fetchAll(db, sql: "SELECT k FROM written ORDER BY k") }
            #expect(rows == [1, 3, 5, 7, 9])
            #expect(runs.counts.withLock { $0 } == Dictionary(uniqueKeysWithValues: (0..<10).map { ($0, 1) }))
        }
    }
}
