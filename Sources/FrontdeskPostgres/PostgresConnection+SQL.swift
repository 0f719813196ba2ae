import FrontdeskEngine
import Logging
import PostgresNIO

/// Statements on a connection that may have closed. PostgresNIO (1.33) writes a query to a closed
/// channel without failing it, so whoever awaits that query waits forever, holding its pooled
/// connection: after a restart of PostgreSQL under load, the `ROLLBACK` of every transaction the
/// restart broke did, until the pool had no connection left to give (`scripts/soak --only
/// postgres`). A check before the write left a window: the channel could close between the check
/// and the write, and the soak still hung now and then. So the check comes after: once the query is
/// written, a second task on the channel's event loop, which runs after the write, fails the
/// statement if the channel is closed by then. A query the channel took is failed by PostgresNIO
/// itself when it closes; one it never took is failed by the check.
extension PostgresConnection {
    /// Runs `sql` and reads every row it returns.
    func rows(_ sql: SQL, logger: Logger) async throws -> [PostgresRandomAccessRow] {
        let answer: EventLoopFuture<PostgresQueryResult> = query(try sql.query(), logger: logger)
        let answered = answer.eventLoop.makePromise(of: PostgresQueryResult.self)
        answer.cascade(to: answered)
        answer.eventLoop.execute {
            // After the write (the loop runs its tasks in order); a promise keeps its first result.
            if self.isClosed { answered.fail(StoreUnavailable(reason: "the connection closed")) }
        }
        return try await answered.futureResult.get().rows.map(PostgresRandomAccessRow.init)
    }

    /// Runs `sql` for its effect.
    func run(_ sql: SQL, logger: Logger) async throws {
        _ = try await rows(sql, logger: logger)
    }

    /// One transaction on this connection: `body`, then `COMMIT`, or `ROLLBACK` when `body` throws
    /// (not on a closed connection: the server has rolled it back). Errors come out as thrown.
    func transaction<T: Sendable>(
        logger: Logger, isolation: isolated (any Actor)? = #isolation, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await run("BEGIN", logger: logger)
        do {
            let value = try await body(self)
            try await run("COMMIT", logger: logger)
            return value
        } catch {
            if !isClosed { try? await run("ROLLBACK", logger: logger) }
            throw error
        }
    }

    func refuseIfClosed() throws {
        if isClosed { throw StoreUnavailable(reason: "the connection closed") }
    }
}

extension PostgresClient {
    /// Runs `sql` on a pooled connection, outside any transaction, and reads every row it returns.
    func rows(_ sql: SQL, logger: Logger) async throws -> [PostgresRandomAccessRow] {
        try await withConnection { connection in try await connection.rows(sql, logger: logger) }
    }
}
