/// Why an export or an import stopped; nothing was written.
public enum TransferError: Error, Sendable, Equatable {
    /// The database to import into holds data.
    case notEmpty
    /// The database has a table that the export neither carries nor leaves out on purpose.
    case untransferredTable(String)
    /// A column of a type the export cannot write.
    case unsupportedColumn(table: String, column: String, type: String)
    /// Bytes that are not UTF-8 text (every document the database keeps is JSON).
    case binaryValue(table: String, column: String)
    /// An event has no sequence yet: a write is in flight on PostgreSQL.
    case unnumberedEvents
    /// A row of a table the database does not have.
    case unknownTable(String)
    /// A row with a column its table does not have.
    case unknownColumn(table: String, column: String)
    /// A value that its column cannot hold.
    case badValue(table: String, column: TransferColumn)
    /// A line of the file that is not what the format says, by line number (from 1).
    case badLine(Int, String)
    /// The file was exported from a schema other than this build's.
    case otherSchema(engine: String, missing: [String], unknown: [String])
}

extension TransferError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notEmpty:
            "The database already holds data: import into a new database, or add --force to replace what it holds."
        case .untransferredTable(let table):
            "The table \(table) is not in the export: add it to TransferTable.all (or to the tables its engine leaves out)."
        case .unsupportedColumn(let table, let column, let type):
            "The column \(table).\(column) has a type the export cannot write (\(type))."
        case .binaryValue(let table, let column):
            "A value of \(table).\(column) is not UTF-8 text, which the export writes bytes as."
        case .unnumberedEvents:
            "Events are still being numbered: a server is writing. Stop the servers and export again."
        case .unknownTable(let table):
            "The file has rows of a table this database does not have (\(table))."
        case .unknownColumn(let table, let column):
            "The file has a column this database does not have (\(table).\(column))."
        case .badValue(let table, let column):
            "The file has a value that \(table).\(column.name) cannot hold (it holds \(column.kind.rawValue) values)."
        case .badLine(let number, let reason):
            "Line \(number) of the file \(reason)."
        case .otherSchema(let engine, let missing, let unknown):
            "The file was exported from a \(engine) database at another schema than this Frontdesk's"
                + (missing.isEmpty ? "" : " (without \(missing.joined(separator: ", ")))")
                + (unknown.isEmpty ? "" : " (with \(unknown.joined(separator: ", ")), unknown here)")
                + ": migrate the source database with this Frontdesk and export it again, or import with the Frontdesk that exported it."
        }
    }
}
