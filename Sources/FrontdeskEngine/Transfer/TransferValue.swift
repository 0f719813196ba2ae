import Foundation
import FrontdeskCore

/// What a column holds, whatever the engine stores it as.
public enum TransferKind: String, Sendable, Hashable {
    case text, integer, boolean, instant, bytes
}

/// A column of an exported table.
public struct TransferColumn: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let kind: TransferKind

    public init(_ name: String, _ kind: TransferKind) {
        self.name = name
        self.kind = kind
    }

    public var description: String { "\(name) (\(kind.rawValue))" }
}

/// One value of an exported row. Ids are text; instants are milliseconds since 1970, written as
/// RFC 3339 date-times with milliseconds; bytes (JSON documents) are written as their text.
public enum TransferValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case boolean(Bool)
    case text(String)
    case instant(milliseconds: Int64)
    case bytes([UInt8])

    /// The value as a column of `kind` holds it: a file's date-times and documents are read as
    /// text, and become instants and bytes here.
    public func `as`(_ kind: TransferKind) -> TransferValue? {
        switch (self, kind) {
        case (.null, _), (.integer, .integer), (.boolean, .boolean), (.text, .text), (.instant, .instant), (.bytes, .bytes):
            self
        case (.text(let text), .instant):
            InstantFormat.date(from: text).map { .instant(milliseconds: Int64(($0.timeIntervalSince1970 * 1000).rounded())) }
        case (.text(let text), .bytes):
            .bytes(Array(text.utf8))
        default:
            nil
        }
    }
}

/// One row of an exported table, by column.
public struct TransferRow: Sendable, Hashable {
    public let table: String
    public var values: [String: TransferValue]

    public init(table: String, values: [String: TransferValue]) {
        self.table = table
        self.values = values
    }

    /// The row's values as the columns of its table in this database hold them; throws for a
    /// column the table lacks or a value of another kind.
    public func values(as columns: [TransferColumn]) throws -> [(column: TransferColumn, value: TransferValue)] {
        let kinds = Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0) })
        return try values.sorted { $0.key < $1.key }.map { name, value in
            guard let column = kinds[name] else { throw TransferError.unknownColumn(table: table, column: name) }
            guard let converted = value.as(column.kind) else { throw TransferError.badValue(table: table, column: column) }
            return (column, converted)
        }
    }
}
