import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

/// A catalog entity (location, resource, member) stored in its own soft-deletable table.
protocol CatalogRecord: CatalogEntity, Sendable, Identifiable where ID == UUID {
    static var table: String { get }
    /// What a SELECT reads for `init(row:)`: `*` unless it reads columns by position.
    static var selection: String { get }
    init(row: Row) throws
    var columns: Columns { get }
    var createdAt: Date { get }
}

extension Location: CatalogRecord {
    static let table = "locations"
}

extension Resource: CatalogRecord {
    static let table = "resources"
    static let selection = selected(as: table)
}

extension Member: CatalogRecord {
    static let table = "members"
    static let selection = selected(as: table)
}

extension Action: CatalogRecord {
    static let table = "actions"
}

extension CatalogRecord {
    static var selection: String { "*" }
}

/// The reads and writes every catalog table shares.
extension SQLiteStore {
    func insert<T: CatalogRecord>(_ record: T) async throws {
        try await write { db in try db.insert(T.table, record.columns) }
    }

    func fetch<T: CatalogRecord>(_: T.Type, _ organizationID: UUID, _ id: UUID) async throws -> T? {
        try await read { db in try Self.fetch(T.self, organizationID, id, db) }
    }

    static func fetch<T: CatalogRecord>(_: T.Type, _ organizationID: UUID, _ id: UUID, _ db: Database) throws -> T? {
        try db.cachedRow(sql: "SELECT \(T.selection) FROM \(T.table) WHERE organization_id = ? AND id = ? AND deleted_at IS NULL",
                         arguments: [organizationID.text, id.text], T.init(row:))
    }

    static func exists<T: CatalogRecord>(_: T.Type, _ organizationID: UUID, _ id: UUID, _ db: Database) throws -> Bool {
        try db.integer("SELECT 1 FROM \(T.table) WHERE organization_id = ? AND id = ? AND deleted_at IS NULL",
                       [organizationID.text, id.text]) != nil
    }

    static func require<T: CatalogRecord>(_: T.Type, _ organizationID: UUID, _ id: UUID, _ db: Database) throws -> T {
        guard let record = try fetch(T.self, organizationID, id, db) else {
            throw FrontdeskError.notFound(entity: T.entityName, id: id.text)
        }
        return record
    }

    /// A page of live rows; `filter` is extra SQL over the table's columns with its arguments.
    func page<T: CatalogRecord>(
        _: T.Type, _ organizationID: UUID, page: PageRequest, filter: [(sql: String, value: any DatabaseValueConvertible)] = []
    ) async throws -> Page<T> {
        var clauses = ["organization_id = ?", "deleted_at IS NULL"]
        var arguments: [(any DatabaseValueConvertible)?] = [organizationID.text]
        for condition in filter {
            clauses.append(condition.sql)
            arguments.append(condition.value)
        }
        if let after = page.after {
            clauses.append("(created_at, id) > (?, ?)")
            arguments += [after.createdAt.millis, after.id.text]
        }
        let sql = "SELECT \(T.selection) FROM \(T.table) WHERE " + clauses.joined(separator: " AND ")
            + " ORDER BY created_at, id LIMIT \(page.limit + 1)"
        let statementArguments = StatementArguments(arguments)
        let records = try await read { db in try db.rows(sql: sql, arguments: statementArguments, T.init(row:)) }
        return Page(fetched: records, limit: page.limit) { Cursor(createdAt: $0.createdAt, id: $0.id) }
    }

    func update<T: CatalogRecord>(
        _: T.Type, _ organizationID: UUID, _ id: UUID, check: @escaping @Sendable (T, Database) throws -> Void = { _, _ in },
        _ change: @escaping @Sendable (T) throws -> T
    ) async throws -> T {
        try await write { db in
            let next = try change(try Self.require(T.self, organizationID, id, db))
            try check(next, db)
            try db.update(T.table, next.columns)
            return next
        }
    }

    static func softDelete<T: CatalogRecord>(_: T.Type, _ organizationID: UUID, _ id: UUID, _ db: Database) throws {
        try db.cachedExecute(sql: "UPDATE \(T.table) SET deleted_at = ? WHERE organization_id = ? AND id = ?",
                             arguments: [Date().millis, organizationID.text, id.text])
    }
}
