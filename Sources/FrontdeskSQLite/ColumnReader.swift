import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB
import GRDBSQLite
import Synchronization

/// A row's columns read by position, from GRDB's `Row` or from a statement stepped directly
/// (`DirectRow`): the hot rows (organization, resource, held line, checkin) are decoded once,
/// against this, for both.
protocol ColumnReader {
    func int64(_ index: Int32) -> Int64
    func optionalInt64(_ index: Int32) -> Int64?
    func text(_ index: Int32) -> String
    func optionalText(_ index: Int32) -> String?
    func uuid(_ index: Int32) -> UUID
}

/// A row type decoded by position: its columns, in the order its decoder reads them.
protocol PositionalRow {
    static var columnNames: [String] { get }
}

extension PositionalRow {
    /// `columnNames` for a SELECT of the table as `alias` (or by its name): the decoder needs them
    /// first, in order. Built once per type and alias: the writer's reads of a checkin name its
    /// 26 columns on every scan, and joining them anew was 4% of the writer's time there.
    static func selected(as alias: String) -> String {
        let key = Selection(type: ObjectIdentifier(Self.self), alias: alias)
        if let known = selections.withLock({ $0[key] }) { return known }
        let text = columnNames.map { "\(alias).\($0)" }.joined(separator: ", ")
        selections.withLock { $0[key] = text }
        return text
    }
}

private struct Selection: Hashable {
    let type: ObjectIdentifier
    let alias: String
}

private let selections = Mutex<[Selection: String]>([:])

extension ColumnReader {
    func int(_ index: Int32) -> Int { Int(int64(index)) }
    func date(_ index: Int32) -> Date { Date(millis: int64(index)) }
    func optionalDate(_ index: Int32) -> Date? { optionalInt64(index).map(Date.init(millis:)) }
    func optionalUUID(_ index: Int32) -> UUID? { optionalText(index).flatMap(UUID.init(text:)) }
}

extension ColumnReader {
    /// The enumeration's value the text column at `index` holds, `column` by name: one this build
    /// does not know is `UnreadableValue`, never a default.
    func enumeration<T: RawRepresentable>(_ index: Int32, _ column: String) throws -> T where T.RawValue == String {
        try T(stored: text(index), column: column)
    }
}

extension Row {
    /// The enumeration's value the text column `column` holds (see `enumeration(_:_:)`).
    func enumeration<T: RawRepresentable>(_ column: String) throws -> T where T.RawValue == String {
        try T(stored: self[column], column: column)
    }
}

extension Row: ColumnReader {
    func int64(_ index: Int32) -> Int64 { self[Int(index)] }
    func optionalInt64(_ index: Int32) -> Int64? { self[Int(index)] }
    func text(_ index: Int32) -> String { self[Int(index)] }
    func optionalText(_ index: Int32) -> String? { self[Int(index)] }
    func uuid(_ index: Int32) -> UUID { uuid(at: Int(index)) }
}

/// The current row of a statement stepped directly (see `Database+Direct.swift`).
struct DirectRow: ColumnReader {
    let statement: OpaquePointer

    func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(statement, index) }

    func optionalInt64(_ index: Int32) -> Int64? {
        sqlite3_column_type(statement, index) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, index)
    }

    func text(_ index: Int32) -> String { optionalText(index) ?? "" }

    func optionalText(_ index: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, index) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index))),
                      as: UTF8.self)
    }

    /// Read from the column's bytes, without making a `String` of them first.
    func uuid(_ index: Int32) -> UUID {
        let bytes = UnsafeRawBufferPointer(start: sqlite3_column_text(statement, index),
                                           count: Int(sqlite3_column_bytes(statement, index)))
        return UUID(utf8: bytes)!
    }
}
