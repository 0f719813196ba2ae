import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

/// A catalog entity (location, resource, member): a row of its own soft-deletable table, scoped
/// to an organization. Deleted rows stay for the bookings that name them, invisible to every read.
protocol CatalogRecord: CatalogEntity, Sendable {
    static var table: String { get }
    init(row: PostgresRandomAccessRow) throws
    var id: UUID { get }
    var createdAt: Date { get }
    var fields: Fields { get }
}

extension Location: CatalogRecord {
    static let table = "locations"
}

extension Resource: CatalogRecord {
    static let table = "resources"
}

extension Member: CatalogRecord {
    static let table = "members"
}

extension Action: CatalogRecord {
    static let table = "actions"
}

/// The reads and writes every catalog table shares.
extension PostgresStore {
    func insert<T: CatalogRecord>(_ record: T) async throws {
        _ = try await query(.insert(into: T.table, record.fields))
    }

    func fetch<T: CatalogRecord>(_: T.Type, _ organizationID: UUID, _ id: UUID) async throws -> T? {
        try await query(Self.select(T.self, organizationID, id)).first.map(T.init(row:))
    }

    /// A page of live rows, in creation order; `filter` holds extra conditions on the table's columns.
    func page<T: CatalogRecord>(
        _: T.Type, _ organizationID: UUID, page: PageRequest, filter: [SQL] = []
    ) async throws -> Page<T> {
        var conditions: [SQL] = ["organization_id = \(organizationID)", "deleted_at IS NULL"] + filter
        if let after = page.after { conditions.append("(created_at, id) > (\(after.createdAt), \(after.id))") }
        let rows = try await query("""
            SELECT * FROM \(raw: T.table) WHERE \(SQL(joining: conditions, separator: " AND "))
            ORDER BY created_at, id LIMIT \(page.limit + 1)
            """)
        return Page(fetched: try rows.map(T.init(row:)), limit: page.limit) { Cursor(createdAt: $0.createdAt, id: $0.id) }
    }

    /// Locks the live row, applies `change`, runs `check` on the result inside the transaction, writes it.
    func update<T: CatalogRecord>(
        _: T.Type, _ organizationID: UUID, _ id: UUID,
        check: @escaping @Sendable (T, PostgresConnection) async throws -> Void = { _, _ in },
        _ change: @escaping @Sendable (T) throws -> T
    ) async throws -> T {
        try await transaction { connection in
            let next = try change(try await self.lock(T.self, organizationID, id, connection))
            try await check(next, connection)
            try await connection.run("""
                \(SQL.update(T.table, next.fields)) WHERE organization_id = \(organizationID) AND id = \(id)
                """, logger: self.logger)
            return next
        }
    }

    /// Locks the live row, or throws `not_found`. `NO KEY UPDATE` conflicts with the shared locks
    /// bookings and resources take on what they name, not with plain foreign key checks.
    func lock<T: CatalogRecord>(
        _: T.Type, _ organizationID: UUID, _ id: UUID, _ connection: PostgresConnection
    ) async throws -> T {
        guard let row = try await connection.rows("\(Self.select(T.self, organizationID, id)) FOR NO KEY UPDATE",
                                                  logger: logger).first
        else { throw FrontdeskError.notFound(entity: T.entityName, id: id.text) }
        return try T(row: row)
    }

    func softDelete<T: CatalogRecord>(_: T.Type, _ organizationID: UUID, _ id: UUID, _ connection: PostgresConnection) async throws {
        try await connection.run("""
            UPDATE \(raw: T.table) SET deleted_at = now() WHERE organization_id = \(organizationID) AND id = \(id)
            """, logger: logger)
    }

    static func select<T: CatalogRecord>(_: T.Type, _ organizationID: UUID, _ id: UUID) -> SQL {
        "SELECT * FROM \(raw: T.table) WHERE organization_id = \(organizationID) AND id = \(id) AND deleted_at IS NULL"
    }
}
