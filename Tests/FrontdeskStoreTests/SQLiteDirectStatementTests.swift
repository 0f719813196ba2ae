import Foundation
import FrontdeskEngine
@testable import FrontdeskSQLite
import FrontdeskTestSupport
import GRDB
import Testing

/// The writer's statements run through SQLite's C API (`Database.run` and `integer`): every kind
/// of value binds as GRDB would bind it, and SQLite's errors come out as GRDB's.
@Suite("SQLite direct statements")
struct SQLiteDirectStatementTests {
    @Test func valuesBindAsGRDBBindsThem() async throws {
        try await withTestStore(.sqlite) { test in
            let pool = try #require(test.store as? SQLiteStore).pool
            let rows = try await pool.write { db in
                try db.execute(sql: "CREATE TEMP TABLE bound (n INTEGER, t TEXT, b BLOB, d REAL, z)")
                let values: [[(any DatabaseValueConvertible)?]] = [
                    [Int64(42), "", Data(), 2.5, nil],
                    [Int.min, "é ✓ after", Data([0, 1, 255]), -0.0, "x"],
                ]
                for row in values { try db.run("INSERT INTO bound (n, t, b, d, z) VALUES (?, ?, ?, ?, ?)", row) }
                return try Row.fetchAll(db, sql: "SELECT n, t, b, d, z, typeof(t) AS tt, typeof(b) AS tb FROM bound ORDER BY rowid")
            }
            #expect(rows[0]["n"] as Int64? == 42 && rows[0]["t"] as String? == "" && rows[0]["tt"] as String? == "text")
            #expect(rows[0]["tb"] as String? == "blob" && rows[0]["b"] as Data? == Data())
            #expect(rows[0]["d"] as Double? == 2.5 && rows[0]["z"] == DatabaseValue.null)
            #expect(rows[1]["n"] as Int64? == Int64(Int.min) && rows[1]["t"] as String? == "é ✓ after")
            #expect(rows[1]["b"] as Data? == Data([0, 1, 255]) && rows[1]["z"] as String? == "x")
        }
    }

    @Test func integersAndErrors() async throws {
        try await withTestStore(.sqlite) { test in
            let pool = try #require(test.store as? SQLiteStore).pool
            try await pool.write { db in
                try db.execute(sql: "CREATE TEMP TABLE counted (k TEXT PRIMARY KEY, n INTEGER NOT NULL)")
                #expect(try db.integer("SELECT n FROM counted WHERE k = ?", ["a"]) == nil)
                #expect(try db.integer("INSERT INTO counted VALUES (?, ?) RETURNING n", ["a", 7]) == 7)
                #expect(try db.integer("UPDATE counted SET n = n + 1 WHERE k = ? RETURNING n", ["a"]) == 8)
                let error = try #require(throws: DatabaseError.self) { try db.run("INSERT INTO counted VALUES (?, ?)", ["a", 1]) }
                #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY)
                #expect(error.sql?.hasPrefix("INSERT INTO counted") == true)
                // The failed statement was reset: it runs again at once.
                try db.run("INSERT INTO counted VALUES (?, ?)", ["b", 1])
                #expect(try db.integer("SELECT count(*) FROM counted", []) == 2)
            }
        }
    }
}
