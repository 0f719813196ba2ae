import GRDB

/// SQL whose text never varies runs through each connection's statement cache: SQLite parses it
/// once per connection instead of once per call. SQL built from filters goes through `rows(sql:)`
/// and GRDB's uncached `execute(sql:)`, so the caches stay small.
///
/// Rows are decoded while the statement steps over them: such a row finds a column by name in a
/// dictionary, where a copied row (`Row.fetchAll`, `Row.fetchOne`) lowercases every column name
/// on each lookup.
extension Database {
    func cachedExecute(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }

    func cachedRow<T>(sql: String, arguments: StatementArguments, _ decode: (Row) throws -> T) throws -> T? {
        let cursor = try Row.fetchCursor(cachedStatement(sql: sql), arguments: arguments)
        guard let row = try cursor.next() else { return nil }
        // The row reads the statement, which the cursor resets when it goes: keep it until decoded.
        return try withExtendedLifetime(cursor) { try decode(row) }
    }

    func cachedRows<T>(sql: String, arguments: StatementArguments, _ decode: (Row) throws -> T) throws -> [T] {
        try Self.decode(Row.fetchCursor(cachedStatement(sql: sql), arguments: arguments), decode)
    }

    func rows<T>(sql: String, arguments: StatementArguments, _ decode: (Row) throws -> T) throws -> [T] {
        try Self.decode(Row.fetchCursor(self, sql: sql, arguments: arguments), decode)
    }

    func cachedValue<Value: DatabaseValueConvertible & StatementColumnConvertible>(
        _: Value.Type, sql: String, arguments: StatementArguments = StatementArguments()
    ) throws -> Value? {
        try Value.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }

    func cachedValues<Value: DatabaseValueConvertible & StatementColumnConvertible>(
        _: Value.Type, sql: String, arguments: StatementArguments
    ) throws -> [Value] {
        try Value.fetchAll(cachedStatement(sql: sql), arguments: arguments)
    }

    private static func decode<T>(_ cursor: RowCursor, _ decode: (Row) throws -> T) throws -> [T] {
        var values: [T] = []
        while let row = try cursor.next() { values.append(try decode(row)) }
        return values
    }
}
