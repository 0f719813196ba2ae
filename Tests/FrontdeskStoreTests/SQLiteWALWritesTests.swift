#if os(Linux)
import Foundation
@testable import FrontdeskSQLite
import GRDBSQLite
import Testing

/// Each commit's WAL frames go to the file in one write (`WALWrites.c`), and are in it when the
/// commit returns: another connection reads them, whatever the commit's size. Driven through
/// SQLite's C API on the test's own thread, so that the thread's count of write calls
/// (`/proc/thread-self/io`) is the commit's alone.
@Suite("SQLite WAL writes")
struct SQLiteWALWritesTests {
    @Test(arguments: [
        (rows: 1, bytes: 100),  // a frame or two
        (rows: 100, bytes: 3000),  // a hundred frames: several writes of the VFS below (under 128 KB each)
        (rows: 1, bytes: 6_000_000),  // past what is held back: written as it goes
    ])
    func aCommitsFramesAreWrittenTogetherAndReadAtOnce(rows: Int, bytes: Int) throws {
        try WALWrites.register()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wal-writes-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("db.sqlite").path
        let writer = try Connection(path), reader = try Connection(path)
        try writer.run("PRAGMA journal_mode = WAL")
        try writer.run("PRAGMA synchronous = NORMAL")
        // As the store's writer: the statement's own rows write no file, and the commit copies
        // nothing into the database file (the store's `Checkpointer` does, beside it).
        try writer.run("PRAGMA temp_store = MEMORY")
        try writer.run("PRAGMA wal_autocheckpoint = 0")
        try writer.run("CREATE TABLE t (v BLOB NOT NULL)")
        #expect(try reader.text("SELECT count(*) FROM t") == "0")

        let (calls0, wal0) = (try Self.writeCalls(), Self.size(path + "-wal"))
        try writer.run("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(rows))
            INSERT INTO t SELECT randomblob(\(bytes)) FROM n
            """)
        let (calls, frames) = (try Self.writeCalls() - calls0, (Self.size(path + "-wal") - wal0) / (4096 + 24))
        #expect(frames >= rows * bytes / 4096)
        #expect(calls <= 2 + frames / 25, "\(calls) write calls for \(frames) frames: SQLite alone makes two a frame")

        let digest = "SELECT count(*) || ':' || sum(length(v)) || ':' || group_concat(hex(substr(v, -16)), ',') FROM t"
        let written = try writer.text(digest)
        #expect(written.hasPrefix("\(rows):\(rows * bytes):"))
        #expect(try reader.text(digest) == written, "the reader reads every frame from the file")
    }

    /// The calling thread's write calls so far.
    private static func writeCalls() throws -> Int {
        let io = try String(contentsOfFile: "/proc/thread-self/io", encoding: .utf8)
        let line = try #require(io.split(separator: "\n").first { $0.hasPrefix("syscw:") })
        return try #require(Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)))
    }

    private static func size(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// A connection of SQLite's own, used on the calling thread.
    private final class Connection {
        private var handle: OpaquePointer?

        init(_ path: String) throws {
            guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
                throw Failure(message: "open: \(String(cString: sqlite3_errmsg(handle)))")
            }
        }

        deinit { sqlite3_close(handle) }

        func run(_ sql: String) throws {
            guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
                throw Failure(message: "\(sql): \(String(cString: sqlite3_errmsg(handle)))")
            }
        }

        /// The first column of the first row, as text.
        func text(_ sql: String) throws -> String {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
                throw Failure(message: "\(sql): \(String(cString: sqlite3_errmsg(handle)))")
            }
            defer { sqlite3_finalize(statement) }
            guard sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0) else {
                throw Failure(message: "\(sql): no row")
            }
            return String(cString: text)
        }
    }

    private struct Failure: Error { let message: String }
}
#endif
