import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

/// The whole data, engine-neutral (`TransferStore`): the columns of each table as the database
/// has them, less those only SQLite keeps.
extension SQLiteStore: TransferStore {
    /// The migrations this build applies, by version: what an export from SQLite names in its header.
    public static var migrationVersions: [String] { SQLiteMigrations.all.map(\.version) }

    /// Tables an export leaves out: the record of migrations (the header says it), the catalog
    /// versions that triggers keep, stored answers to retried requests, and sessions (a move signs
    /// everyone out).
    private static let untransferred: Set<String> = ["schema_migrations", "catalog_versions", "idempotency_keys", "sessions", "sign_in_failures"]

    /// Columns only SQLite keeps, derived again by `derive` after an import.
    private static let ownColumns: [String: Set<String>] = ["organizations": ["longest_line_ms", "longest_visit_ms"]]

    /// Derives `ownColumns` from the imported rows.
    private static let derive = [
        """
        UPDATE organizations SET longest_line_ms = coalesce(
            (SELECT max(ends_at - starts_at) FROM booking_lines l WHERE l.organization_id = organizations.id), 0)
        """,
        SQLiteMigrations.longestVisit,
    ]

    /// Integer columns that hold flags (0 or 1).
    private static let flags: Set<String> = ["is_platform", "auto_no_show", "attendance_enabled", "auto_checked_out",
                                             "one_place_at_a_time", "attendance_overridden", "prices_include_tax", "voided"]

    /// What a column holds: SQLite stores instants as integer milliseconds in the columns named
    /// `…_at`, and a visit's `check_in` and `check_out`; flags as integers too. (The transfer
    /// conformance test checks that these kinds are PostgreSQL's types.)
    static func kind(of column: String, declared type: String, in table: String) throws -> TransferKind {
        switch type.uppercased() {
        case "TEXT": return .text
        case "BLOB": return .bytes
        case "INTEGER" where column.hasSuffix("_at") || ["check_in", "check_out"].contains(column): return .instant
        case "INTEGER" where flags.contains(column): return .boolean
        case "INTEGER": return .integer
        default: throw TransferError.unsupportedColumn(table: table, column: column, type: type)
        }
    }

    public func appliedMigrations() async throws -> [String] {
        try now { db in try String.fetchAll(db, sql: "SELECT version FROM schema_migrations ORDER BY version") }
    }

    public func transferColumns() async throws -> [String: [TransferColumn]] {
        try now { db in try Self.columns(db) }
    }

    public func exportRows(_ row: (TransferRow) throws -> Void) async throws {
        // One read transaction: one snapshot of the database, while a server goes on writing.
        try now { db in
            let columns = try Self.columns(db)
            for table in TransferTable.all {
                let tableColumns = columns[table.name] ?? []
                let order = table.orderedBy.isEmpty ? "rowid" : table.orderedBy.map(Self.quoted).joined(separator: ", ")
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT \(tableColumns.map { Self.quoted($0.name) }.joined(separator: ", ")) FROM \(Self.quoted(table.name))
                    ORDER BY \(order)
                    """)
                while let stored = try rows.next() {
                    var values: [String: TransferValue] = [:]
                    for (index, column) in tableColumns.enumerated() {
                        values[column.name] = try Self.value(stored[index] as DatabaseValue, column, in: table.name)
                    }
                    try row(TransferRow(table: table.name, values: values))
                }
            }
        }
    }

    public func importRows(replacing: Bool, _ next: () throws -> TransferRow?) async throws {
        try now(writing: true) { db in
            try db.inTransaction(.immediate) {
                let columns = try Self.columns(db)
                if !replacing, try Self.holdsData(db) { throw TransferError.notEmpty }
                for table in Self.untransferred.subtracting(["schema_migrations"]).sorted() + TransferTable.all.reversed().map(\.name) {
                    try db.execute(sql: "DELETE FROM \(Self.quoted(table))")
                }
                while let row = try next() {
                    guard let tableColumns = columns[row.table] else { throw TransferError.unknownTable(row.table) }
                    let values = try row.values(as: tableColumns)
                    let statement = try db.cachedStatement(sql: """
                        INSERT INTO \(Self.quoted(row.table)) (\(values.map { Self.quoted($0.column.name) }.joined(separator: ", ")))
                        VALUES \(placeholders(values.count))
                        """)
                    try statement.execute(arguments: StatementArguments(values.map { Self.stored($0.value) }))
                }
                for sql in Self.derive { try db.execute(sql: sql) }
                return .commit
            }
        }
        try durability.syncNow()
    }

    /// Runs `body` here, on the calling thread, in a read transaction (or, `writing`, on the
    /// writer's connection outside one): an export hands its rows out, and an import reads them
    /// in, as the database goes.
    private func now<T>(writing: Bool = false, _ body: (Database) throws -> T) throws -> T {
        writing ? try pool.writeWithoutTransaction(body) : try pool.read(body)
    }

    /// The exported columns of every table of `TransferTable.all`, sorted by name; throws for a
    /// table that is neither exported nor left out on purpose.
    private static func columns(_ db: Database) throws -> [String: [TransferColumn]] {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if let table = tables.sorted().first(where: { !TransferTable.names.contains($0) && !untransferred.contains($0) }) {
            throw TransferError.untransferredTable(table)
        }
        var columns: [String: [TransferColumn]] = [:]
        for table in TransferTable.all.map(\.name) {
            let own = ownColumns[table] ?? []
            columns[table] = try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?)", arguments: [table])
                .map { (name: $0["name"] as String, type: $0["type"] as String) }
                .filter { !own.contains($0.name) }
                .map { TransferColumn($0.name, try kind(of: $0.name, declared: $0.type, in: table)) }
                .sorted { $0.name < $1.name }
        }
        return columns
    }

    /// Whether the database holds more than a default organization with nothing in it.
    static func holdsData(_ db: Database) throws -> Bool {
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM organizations WHERE id <> ?)",
                             arguments: [Organization.defaultID.text]) == true { return true }
        for table in TransferTable.all.map(\.name) where table != "organizations" {
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(quoted(table)))") == true { return true }
        }
        return false
    }

    private static func value(_ stored: DatabaseValue, _ column: TransferColumn, in table: String) throws -> TransferValue {
        switch (stored.storage, column.kind) {
        case (.null, _): return .null
        case (.int64(let integer), .integer): return .integer(integer)
        case (.int64(let integer), .instant): return .instant(milliseconds: integer)
        case (.int64(let integer), .boolean): return .boolean(integer != 0)
        case (.string(let text), .text): return .text(text)
        case (.blob(let data), .bytes): return .bytes(Array(data))
        case (.string(let text), .bytes): return .bytes(Array(text.utf8))
        default: throw TransferError.badValue(table: table, column: column)
        }
    }

    private static func stored(_ value: TransferValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let integer): integer.databaseValue
        case .boolean(let boolean): (boolean ? 1 : 0).databaseValue
        case .text(let text): text.databaseValue
        case .instant(let milliseconds): milliseconds.databaseValue
        case .bytes(let bytes): Data(bytes).databaseValue
        }
    }

    private static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
