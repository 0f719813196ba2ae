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

    /// The writes' bodies, in the order they ran.
    private final class Runs: Sendable {
        let keys = Mutex<[Int]>([])
        func count(_ key: Int) { keys.withLock { $0.append(key) } }
        var log: [Int] { keys.withLock { $0 } }
    }

    /// Holds the writer until `count` writes wait behind it (at most ten seconds): they form one batch,
    /// however slowly a busy machine queues them.
    private static func hold(_ store: SQLiteStore, until count: Int) {
        let deadline = Date().addingTimeInterval(10)
        while store.writer.load.queued < count && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
    }

    @Test func aFailingWriteIsRefusedAloneAndLeavesNothing() async throws {
        try await withTestStore(.sqlite) { test in
            let store = try #require(test.store as? SQLiteStore)
            try await store.pool.write { db in try db.execute(sql: "CREATE TABLE written (k INTEGER PRIMARY KEY)") }
            let runs = Runs()
            let refusedBeforeWriting = 3, failedAfterWriting = 6
            // The first write holds the writer while the others queue up behind it: they form one batch.
            let started = Mutex(false)
            async let held: Void = store.write { _ in
                started.withLock { $0 = true }
                Self.hold(store, until: 10)
            }
            // Not a fixed wait: on a busy machine the writer may take longer to start.
            while !started.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
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
                }
                return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            try await held
            let refused: Set = [refusedBeforeWriting, failedAfterWriting]
            #expect(succeeded.filter { !$0.value }.keys.sorted() == refused.sorted())
            let rows = try await store.pool.read { db in try Int.fetchAll(db, sql: "SELECT k FROM written ORDER BY k") }
            #expect(rows == (0..<10).filter { !refused.contains($0) })
            // One batch, run in the order it queued up: until the write that failed after writing,
            // then all of it again, in savepoints.
            let again = Array(runs.log.suffix(10))
            #expect(again.sorted() == Array(0..<10))
            let failedAt = try #require(again.firstIndex(of: failedAfterWriting))
            #expect(runs.log.dropLast(10) == again[...failedAt])
        }
    }

    @Test func writesThatFailBeforeWritingRunOnce() async throws {
        try await withTestStore(.sqlite) { test in
            let store = try #require(test.store as? SQLiteStore)
            try await store.pool.write { db in try db.execute(sql: "CREATE TABLE written (k INTEGER PRIMARY KEY)") }
            let runs = Runs()
            let started = Mutex(false)
            async let held: Void = store.write { _ in
                started.withLock { $0 = true }
                Self.hold(store, until: 10)
            }
            // Not a fixed wait: on a busy machine the writer may take longer to start.
            while !started.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
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
            #expect(runs.log.sorted() == Array(0..<10))
        }
    }
}
