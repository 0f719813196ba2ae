import Foundation
import FrontdeskCore
import FrontdeskEngine
import NIOCore
import PostgresNIO

/// The whole data, engine-neutral (`TransferStore`): the columns of each table as the database
/// has them, less those only PostgreSQL keeps, with values read and bound by their types.
extension PostgresStore: TransferStore {
    /// The migrations this build applies, by version: what an export from PostgreSQL names in its header.
    public static var migrationVersions: [String] { PostgresMigrations.all.map(\.version) }

    /// Tables an export leaves out: the record of migrations (the header says it), the catalog
    /// versions that triggers keep, stored answers to retried requests, and the sequencer's last
    /// numbers (derived again from the events), and sessions (a move signs everyone out).
    private static let untransferred: Set<String> = [
        "schema_migrations", "catalog_versions", "idempotency_keys", "event_sequences", "sessions", "sign_in_failures",
    ]

    /// Columns only PostgreSQL keeps, besides identity columns (which number rows in the order they
    /// are inserted, as an import inserts them): derived again by `derived` on import.
    /// `api_keys.last_used_at` is never written.
    private static let ownColumns: [String: Set<String>] = [
        "members": ["search_text"], "booking_lines": ["exclusive"], "api_keys": ["last_used_at"],
    ]

    /// The values of `ownColumns` for an imported row, as SQL.
    private static func derived(_ table: String, _ values: [String: TransferValue]) -> [(column: String, value: SQL)] {
        func text(_ column: String) -> String? { if case .text(let text) = values[column] { text } else { nil } }
        switch table {
        case "members":
            // The member's own search text, as the store writes it.
            let member = Member(id: UUID(), organizationID: UUID(), type: "", name: text("name") ?? "", email: text("email"),
                                phone: text("phone"), externalRef: nil, notes: nil, createdAt: Date())
            return [("search_text", "\(member.searchText)")]
        case "booking_lines":
            return [("exclusive", "(SELECT capacity = 1 FROM resources WHERE id = \(text("resource_id").flatMap(UUID.init(text:))))")]
        default:
            return []
        }
    }

    /// Derives what the untransferred tables hold from the imported rows.
    private static let derive: [SQL] = [
        "INSERT INTO event_sequences (organization_id, last_sequence) SELECT organization_id, max(sequence) FROM events GROUP BY organization_id",
    ]

    /// Rows a statement of an import inserts at most.
    private static let batchSize = 200

    /// A column with its PostgreSQL type (`information_schema.columns.data_type`).
    private struct TypedColumn {
        var column: TransferColumn
        var type: String
    }

    public func appliedMigrations() async throws -> [String] {
        try await query("SELECT version FROM schema_migrations ORDER BY version").map { try $0.value("version", as: String.self) }
    }

    public func transferColumns() async throws -> [String: [TransferColumn]] {
        try await transaction { connection in try await self.columns(connection).mapValues { $0.map(\.column) } }
    }

    public func exportRows(_ row: (TransferRow) throws -> Void) async throws {
        try await numberStrays()
        try await transaction { connection in
            // One snapshot of the database, while servers go on writing.
            try await connection.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
            if try await connection.rows("SELECT 1 FROM events WHERE sequence IS NULL LIMIT 1", logger: logger).count > 0 {
                throw TransferError.unnumberedEvents
            }
            let columns = try await columns(connection)
            for table in TransferTable.all {
                let tableColumns = columns[table.name] ?? []
                let order = table.orderedBy.isEmpty ? "position" : table.orderedBy.joined(separator: ", ")
                try connection.refuseIfClosed()
                let rows = try await connection.query(SQL("""
                    SELECT \(raw: tableColumns.map { Self.quoted($0.column.name) }.joined(separator: ", "))
                    FROM \(raw: Self.quoted(table.name)) ORDER BY \(raw: order)
                    """).query(), logger: logger)
                for try await stored in rows {
                    let cells = PostgresRandomAccessRow(stored)
                    var values: [String: TransferValue] = [:]
                    for (index, column) in tableColumns.enumerated() {
                        values[column.column.name] = try Self.value(cells[index], column)
                    }
                    try row(TransferRow(table: table.name, values: values))
                }
            }
        }
    }

    public func importRows(replacing: Bool, _ next: () throws -> TransferRow?) async throws {
        try await transaction { connection in
            let columns = try await columns(connection)
            let types = columns.mapValues { Dictionary(uniqueKeysWithValues: $0.map { ($0.column.name, $0.type) }) }
            if !replacing, try await holdsData(connection) { throw TransferError.notEmpty }
            for table in Self.untransferred.subtracting(["schema_migrations"]).sorted() + TransferTable.all.reversed().map(\.name) {
                try await connection.run("DELETE FROM \(raw: Self.quoted(table))", logger: logger)
            }
            var batch: (table: String, columns: [String], rows: [SQL]) = ("", [], [])
            func flush() async throws {
                guard !batch.rows.isEmpty else { return }
                try await connection.run("""
                    INSERT INTO \(raw: Self.quoted(batch.table)) (\(raw: batch.columns.map(Self.quoted).joined(separator: ", ")))
                    VALUES \(SQL(joining: batch.rows, separator: ", "))
                    """, logger: logger)
                batch.rows = []
            }
            while let row = try next() {
                guard let tableColumns = columns[row.table] else { throw TransferError.unknownTable(row.table) }
                var bound = try row.values(as: tableColumns.map(\.column)).map { column, value in
                    (column: column.name, value: try Self.bind(value, column, type: types[row.table]![column.name]!, in: row.table))
                }
                bound += Self.derived(row.table, row.values)
                let names = bound.map(\.column)
                if batch.table != row.table || batch.columns != names || batch.rows.count == Self.batchSize {
                    try await flush()
                    batch = (row.table, names, [])
                }
                batch.rows.append("(\(SQL(joining: bound.map(\.value), separator: ", ")))")
            }
            try await flush()
            for sql in Self.derive { try await connection.run(sql, logger: logger) }
        }
    }

    /// The exported columns of every table of `TransferTable.all`, sorted by name; throws for a
    /// table that is neither exported nor left out on purpose.
    private func columns(_ connection: PostgresConnection) async throws -> [String: [TypedColumn]] {
        let tables = try await connection.rows("""
            SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
            """, logger: logger).map { try $0.value("table_name", as: String.self) }
        if let table = tables.sorted().first(where: { !TransferTable.names.contains($0) && !Self.untransferred.contains($0) }) {
            throw TransferError.untransferredTable(table)
        }
        var columns: [String: [TypedColumn]] = [:]
        for row in try await connection.rows("""
            SELECT table_name, column_name, data_type, is_identity FROM information_schema.columns
            WHERE table_schema = current_schema() ORDER BY table_name, column_name
            """, logger: logger) {
            let table = try row.value("table_name", as: String.self)
            let name = try row.value("column_name", as: String.self)
            let type = try row.value("data_type", as: String.self)
            guard TransferTable.names.contains(table), try row.value("is_identity", as: String.self) != "YES",
                  !(Self.ownColumns[table] ?? []).contains(name) else { continue }
            columns[table, default: []].append(TypedColumn(column: TransferColumn(name, try Self.kind(of: type, table, name)), type: type))
        }
        return columns
    }

    private static func kind(of type: String, _ table: String, _ column: String) throws -> TransferKind {
        switch type {
        case "uuid", "text": .text
        case "smallint", "integer", "bigint": .integer
        case "boolean": .boolean
        case "timestamp with time zone": .instant
        case "bytea": .bytes
        default: throw TransferError.unsupportedColumn(table: table, column: column, type: type)
        }
    }

    /// Whether the database holds more than a default organization with nothing in it.
    private func holdsData(_ connection: PostgresConnection) async throws -> Bool {
        var checks: [SQL] = ["SELECT 1 FROM organizations WHERE id <> \(Organization.defaultID)"]
        checks += TransferTable.all.map(\.name).filter { $0 != "organizations" }.map { "SELECT 1 FROM \(raw: Self.quoted($0))" }
        let any = SQL(joining: checks.map { "EXISTS (\($0))" }, separator: " OR ")
        return try await connection.rows("SELECT \(any) AS holds", logger: logger)[0].value("holds", as: Bool.self)
    }

    private static func value(_ cell: PostgresCell, _ column: TypedColumn) throws -> TransferValue {
        switch column.type {
        case "uuid": try cell.decode(UUID?.self).map { .text($0.text) } ?? .null
        case "text": try cell.decode(String?.self).map { .text($0) } ?? .null
        case "smallint", "integer", "bigint": try cell.decode(Int64?.self).map { .integer($0) } ?? .null
        case "boolean": try cell.decode(Bool?.self).map { .boolean($0) } ?? .null
        case "timestamp with time zone": try cell.decode(Instant?.self).map { .instant(milliseconds: $0.milliseconds) } ?? .null
        default: try cell.decode(ByteBuffer?.self).map { .bytes(Array($0.readableBytesView)) } ?? .null
        }
    }

    private static func bind(_ value: TransferValue, _ column: TransferColumn, type: String, in table: String) throws -> SQL {
        switch (value, type) {
        case (.null, _): return "NULL"
        case (.text(let text), "uuid"):
            guard let id = UUID(text: text) else { throw TransferError.badValue(table: table, column: column) }
            return "\(id)"
        case (.text(let text), _): return "\(text)"
        case (.integer(let integer), "bigint"): return "\(integer)"
        case (.integer(let integer), _):
            guard let small = Int32(exactly: integer) else { throw TransferError.badValue(table: table, column: column) }
            return "\(small)::\(raw: type)"
        case (.boolean(let boolean), _): return "\(boolean)"
        case (.instant(let milliseconds), _): return "\(Date(timeIntervalSince1970: Double(milliseconds) / 1000))"
        case (.bytes(let bytes), _): return "\(ByteBuffer(bytes: bytes))"
        }
    }

    private static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
