import Foundation
import FrontdeskCore

/// What an export file begins with: the engine it was read from and the schema it had.
public struct TransferHeader: Sendable, Hashable {
    /// `sqlite` or `postgres`.
    public var engine: String
    /// The migrations applied to the database, sorted.
    public var migrations: [String]

    public init(engine: String, migrations: [String]) {
        self.engine = engine
        self.migrations = migrations.sorted()
    }
}

/// The export format (`--format jsonl`): one JSON object a line. The first line is the header,
/// `{"format":"frontdesk-export","version":1,"engine":"sqlite","migrations":["0001_booking_engine",…]}`;
/// each other line is a row, `{"table":"members","row":{"created_at":"2026-06-15T09:30:00.000Z",…}}`,
/// its columns sorted by name, so that the same data exports to the same bytes from either engine.
public enum TransferFormat {
    public static let name = "frontdesk-export"
    public static let version = 1

    public static func line(_ header: TransferHeader) -> [UInt8] {
        var json = JSONWriter(capacity: 512)
        json.object { json in
            json.key("format")
            json.string(name)
            json.key("version")
            json.int(version)
            json.key("engine")
            json.string(header.engine)
            json.key("migrations")
            json.array(header.migrations) { json, version in json.string(version) }
        }
        return json.bytes + [UInt8(ascii: "\n")]
    }

    public static func line(_ row: TransferRow) throws -> [UInt8] {
        var json = JSONWriter(capacity: 512)
        var failure: TransferError?
        json.object { json in
            json.key("table")
            json.string(row.table)
            json.key("row")
            json.object { json in
                for (column, value) in row.values.sorted(by: { $0.key < $1.key }) {
                    json.member(column)
                    switch value {
                    case .null: json.null()
                    case .integer(let integer): json.int(integer)
                    case .boolean(let boolean): json.bool(boolean)
                    case .text(let text): json.string(text)
                    // Half a millisecond in, so that the writer's rounding down keeps the millisecond.
                    case .instant(let milliseconds): json.instant(Date(timeIntervalSince1970: (Double(milliseconds) + 0.5) / 1000))
                    case .bytes(let bytes):
                        if let text = String(validating: bytes, as: UTF8.self) { json.string(text) } else {
                            failure = .binaryValue(table: row.table, column: column)
                            json.null()
                        }
                    }
                }
            }
        }
        if let failure { throw failure }
        return json.bytes + [UInt8(ascii: "\n")]
    }

    /// Reads the header, line 1.
    public static func header(_ line: String) throws -> TransferHeader {
        let object = try members(line, number: 1)
        guard case .string(name) = object["format"] else { throw TransferError.badLine(1, "is not the header of a Frontdesk export") }
        guard case .integer(Int64(version)) = object["version"] else {
            throw TransferError.badLine(1, "names a format version this Frontdesk does not read (it reads \(version))")
        }
        guard case .string(let engine) = object["engine"], case .array(let versions) = object["migrations"] else {
            throw TransferError.badLine(1, "lacks the engine or the migrations")
        }
        let migrations = try versions.map { value in
            guard case .string(let version) = value else { throw TransferError.badLine(1, "has a migration that is not text") }
            return version
        }
        return TransferHeader(engine: engine, migrations: migrations)
    }

    /// Reads a row, line `number`. Date-times and documents come back as text: the importing
    /// store reads them as its columns' kinds (`TransferValue.as`).
    public static func row(_ line: String, number: Int) throws -> TransferRow {
        let object = try members(line, number: number)
        guard case .string(let table) = object["table"], case .object(let columns) = object["row"] else {
            throw TransferError.badLine(number, "is not a row (an object with its table and its row)")
        }
        var values: [String: TransferValue] = [:]
        for (column, value) in columns {
            switch value {
            case .null: values[column] = .null
            case .integer(let integer): values[column] = .integer(integer)
            case .bool(let boolean): values[column] = .boolean(boolean)
            case .string(let text): values[column] = .text(text)
            default: throw TransferError.badLine(number, "has a value of \(table).\(column) that is not text, an integer, a boolean or null")
            }
        }
        return TransferRow(table: table, values: values)
    }

    private static func members(_ line: String, number: Int) throws -> [String: JSONValue] {
        do {
            return try JSONValue.object(parsing: line, JSONValue.Reading(maxDepth: 3, exactNumbers: true))
        } catch {
            throw TransferError.badLine(number, "is not a JSON object: \(error.description)")
        }
    }
}
