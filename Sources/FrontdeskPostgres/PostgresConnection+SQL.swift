import Logging
import PostgresNIO

extension PostgresConnection {
    /// Runs `sql` and reads every row it returns.
    func rows(_ sql: SQL, logger: Logger) async throws -> [PostgresRandomAccessRow] {
        try await query(sql.query(), logger: logger).collect().map(PostgresRandomAccessRow.init)
    }

    /// Runs `sql` for its effect.
    func run(_ sql: SQL, logger: Logger) async throws {
        _ = try await rows(sql, logger: logger)
    }
}

extension PostgresClient {
    /// Runs `sql` on a pooled connection, outside any transaction, and reads every row it returns.
    func rows(_ sql: SQL, logger: Logger) async throws -> [PostgresRandomAccessRow] {
        try await query(sql.query(), logger: logger).collect().map(PostgresRandomAccessRow.init)
    }
}
