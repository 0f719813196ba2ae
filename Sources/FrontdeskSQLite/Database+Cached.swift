import GRDB

/// SQL whose text never varies runs through each connection's statement cache: SQLite parses it
/// once per connection instead of once per call. SQL built from filters keeps GRDB's uncached
/// `execute(sql:)` and `fetchAll(_:sql:)`, so the caches stay small.
extension Database {
    func cachedExecute(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }

    func cachedRow(sql: String, arguments: StatementArguments) throws -> Row? {
        try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }

    func cachedRows(sql: String, arguments: StatementArguments) throws -> [Row] {
        try Row.fetchAll(cachedStatement(sql: sql), arguments: arguments)
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
}
