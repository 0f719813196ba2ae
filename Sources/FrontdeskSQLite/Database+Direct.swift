import Foundation
import GRDB
import GRDBSQLite

/// The hot statements — the writer's inserts, updates, sequences, checks and savepoints, and the
/// reads of organizations, resources, held lines and checkins — run through SQLite's C API on
/// GRDB's cached prepared statements: bound by position, stepped, read by position (`DirectRow`),
/// reset. GRDB's general path (arguments boxed in `StatementArguments`, a cursor, generic
/// decoding, observation hooks) cost several times what SQLite itself does for such a statement:
/// measured, an existence check spent nine tenths of its time outside SQLite.
///
/// No transaction observer is ever registered on the writer (see `PendingWakeUps`), so nothing is
/// missed by bypassing GRDB's observation of these statements.
extension Database {
    /// Runs `sql` with `values` bound by position.
    func run(_ sql: String, _ values: [(any DatabaseValueConvertible)?] = []) throws {
        try stepping(sql, values) { statement in _ = try step(statement, sql) }
    }

    /// Runs `sql` with `values` bound by position and returns the integer in the first column of
    /// its first row, or nil when it returns none.
    func integer(_ sql: String, _ values: [(any DatabaseValueConvertible)?]) throws -> Int64? {
        try row(sql, values) { $0.optionalInt64(0) } ?? nil
    }

    /// The first row `sql` returns, decoded.
    func row<T>(_ sql: String, _ values: [(any DatabaseValueConvertible)?], _ decode: (DirectRow) throws -> T) throws -> T? {
        try stepping(sql, values) { statement in try step(statement, sql) ? try decode(DirectRow(statement: statement)) : nil }
    }

    /// Every row `sql` returns, decoded.
    func rows<T>(_ sql: String, _ values: [(any DatabaseValueConvertible)?], _ decode: (DirectRow) throws -> T) throws -> [T] {
        try stepping(sql, values) { statement in
            var decoded: [T] = []
            while try step(statement, sql) { decoded.append(try decode(DirectRow(statement: statement))) }
            return decoded
        }
    }

    /// The cached statement of `sql` with `values` bound, reset and cleared once `body` is done.
    private func stepping<T>(
        _ sql: String, _ values: [(any DatabaseValueConvertible)?], _ body: (OpaquePointer) throws -> T
    ) throws -> T {
        let statement = try cachedStatement(sql: sql).sqliteStatement
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (index, value) in values.enumerated() {
            try check(Self.bind(value?.databaseValue.storage ?? .null, to: statement, at: Int32(index + 1)), sql)
        }
        return try body(statement)
    }

    /// One step: true on a row, false when done.
    private func step(_ statement: OpaquePointer, _ sql: String) throws -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            throw DatabaseError(resultCode: ResultCode(rawValue: sqlite3_extended_errcode(sqliteConnection)),
                                message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
        }
    }

    private func check(_ code: Int32, _ sql: String) throws {
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
        }
    }

    /// SQLite copies what it is given (`SQLITE_TRANSIENT`): the Swift value may go right after.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func bind(_ value: DatabaseValue.Storage, to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(statement, index)
        case .int64(let integer):
            return sqlite3_bind_int64(statement, index, integer)
        case .double(let double):
            return sqlite3_bind_double(statement, index, double)
        case .string(var text):
            // An empty string is bound from a literal: a null pointer would bind NULL.
            guard !text.isEmpty else { return sqlite3_bind_text(statement, index, "", 0, transient) }
            return text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) {
                    sqlite3_bind_text(statement, index, $0.baseAddress, Int32($0.count), transient)
                }
            }
        case .blob(let data):
            guard !data.isEmpty else { return sqlite3_bind_zeroblob(statement, index, 0) }
            return data.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), transient) }
        }
    }
}
