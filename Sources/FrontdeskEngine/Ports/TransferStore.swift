import Foundation

/// The whole data of a database as rows that mean the same on every engine, to move it from one
/// engine to another (`frontdesk export` and `frontdesk import`). Each adapter implements it in a
/// file of its own (`…Store+Transfer.swift`) and derives the columns from its schema, so a new
/// column travels without a change here; a new table is added to `TransferTable.all`.
public protocol TransferStore: Sendable {
    /// The migrations applied to the database, by version.
    func appliedMigrations() async throws -> [String]

    /// The columns each table of `TransferTable.all` exports, by table, sorted by name: the same on
    /// every engine (the columns only one engine keeps, which it derives, are left out).
    func transferColumns() async throws -> [String: [TransferColumn]]

    /// Hands every row of the tables of `TransferTable.all` to `row`, table after table, each in
    /// its table's order, all read from one snapshot of the database. Throws
    /// `TransferError.untransferredTable` for a table the export neither carries nor leaves out
    /// on purpose.
    func exportRows(_ row: (TransferRow) throws -> Void) async throws

    /// Deletes what the database holds, then writes the rows `next` hands out (until nil) and what
    /// the engine derives from them, in one transaction. Refuses (`TransferError.notEmpty`) a
    /// database that holds data (more than a default organization with nothing in it) unless
    /// `replacing`.
    func importRows(replacing: Bool, _ next: () throws -> TransferRow?) async throws
}
