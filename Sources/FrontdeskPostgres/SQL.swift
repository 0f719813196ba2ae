import Foundation
import PostgresNIO

/// A SQL statement built from fragments. Interpolated values become bind parameters, numbered
/// only when the statement is sent, so fragments (a filter clause, a list of rows) compose freely.
/// Instants always bind through `Instant`, at the millisecond precision the domain keeps.
struct SQL: ExpressibleByStringInterpolation, Sendable {
    typealias Value = any PostgresThrowingDynamicTypeEncodable & Sendable

    enum Segment: Sendable {
        case text(String)
        /// `nil` binds NULL.
        case value(Value?)
    }

    private(set) var segments: [Segment]

    init(stringLiteral text: String) {
        segments = [.text(text)]
    }

    init(stringInterpolation: StringInterpolation) {
        segments = stringInterpolation.segments
    }

    /// The fragments, separated by `separator` (raw SQL).
    init(joining fragments: [SQL], separator: String) {
        segments = []
        for (index, fragment) in fragments.enumerated() {
            if index > 0 { segments.append(.text(separator)) }
            segments += fragment.segments
        }
    }

    struct StringInterpolation: StringInterpolationProtocol, Sendable {
        fileprivate var segments: [Segment] = []

        init(literalCapacity: Int, interpolationCount: Int) {}

        mutating func appendLiteral(_ literal: String) {
            segments.append(.text(literal))
        }

        mutating func appendInterpolation(_ value: some PostgresThrowingDynamicTypeEncodable & Sendable) {
            segments.append(.value(value))
        }

        mutating func appendInterpolation(_ value: (some PostgresThrowingDynamicTypeEncodable & Sendable)?) {
            segments.append(.value(value))
        }

        mutating func appendInterpolation(_ date: Date) {
            segments.append(.value(Instant(date)))
        }

        mutating func appendInterpolation(_ date: Date?) {
            segments.append(.value(date.map(Instant.init)))
        }

        /// Another fragment, with its own values.
        mutating func appendInterpolation(_ fragment: SQL) {
            segments += fragment.segments
        }

        /// Text written into the statement as is: only for constants of this module, never input.
        mutating func appendInterpolation(raw text: String) {
            segments.append(.text(text))
        }
    }

    /// The statement as PostgresNIO sends it: `$1`, `$2`… in order of appearance.
    func query() throws -> PostgresQuery {
        let statement = try self.statement()
        return PostgresQuery(unsafeSQL: statement.sql, binds: statement.binds)
    }

    /// The text with `$1`, `$2`… in order of appearance, the values bound to them, and their types
    /// (`.null`, which PostgreSQL infers, for a NULL).
    func statement() throws -> (sql: String, binds: PostgresBindings, types: [PostgresDataType]) {
        var sql = ""
        var binds = PostgresBindings(capacity: segments.count)
        var types: [PostgresDataType] = []
        for segment in segments {
            switch segment {
            case .text(let text):
                sql += text
            case .value(let value?):
                try binds.append(value)
                types.append(value.psqlType)
                sql += "$\(binds.count)"
            case .value(nil):
                binds.appendNull()
                types.append(.null)
                sql += "$\(binds.count)"
            }
        }
        return (sql, binds, types)
    }
}
