import FrontdeskEngine
import Logging
import PostgresNIO

/// Statements on a connection that may have closed. PostgresNIO (1.33) writes a query to a closed
/// channel without failing it, so whoever awaits that query waits forever, holding its pooled
/// connection: after a restart of PostgreSQL under load, the `ROLLBACK` of every transaction the
/// restart broke did, until the pool had no connection left to give (`scripts/soak --only
/// postgres`). A check before the write left a window: the channel could close between the check
/// and the write, and the soak still hung now and then. So the check comes after: once the query is
/// written, a task on the channel's event loop, which runs after the write, fails the statement if
/// the channel is closed by then. A query the channel took is failed by PostgresNIO itself when it
/// closes; one it never took is failed by the check.
extension PostgresConnection {
    /// Runs `sql` and reads every row it returns: prepared once on this connection and run by name
    /// when it has parameters (`PreparedNames`), sent whole otherwise.
    func rows(_ sql: SQL, logger: Logger) async throws -> [PostgresRandomAccessRow] {
        let statement = try sql.statement()
        guard let name = PreparedNames.name(statement.sql, statement.types, logger: logger) else {
            let answer: EventLoopFuture<PostgresQueryResult> = query(
                PostgresQuery(unsafeSQL: statement.sql, binds: statement.binds), logger: logger)
            let answered = answer.eventLoop.makePromise(of: PostgresQueryResult.self)
            answer.cascade(to: answered)
            answer.eventLoop.execute { self.failIfClosed(answered) }  // after the write: the loop runs its tasks in order
            return try await answered.futureResult.get().rows.map(PostgresRandomAccessRow.init)
        }
        do {
            return try await run(Prepared.Shape(name: name, sql: statement.sql, types: statement.types),
                                 binds: statement.binds, logger: logger)
        } catch {
            PreparedNames.forget(statement.sql, statement.types, after: error)
            throw error
        }
    }

    /// A prepared statement, run by PostgresNIO's async `execute`, which gives no moment between its
    /// write and its wait: it runs in a task of its own while the caller waits on `answered`, which
    /// the check fails if the channel is closed after the write. The check is queued on the loop
    /// twice, from `makeBindings` (right before the write, on the same thread): the first hop runs
    /// before the write, the second after it.
    private func run(_ shape: Prepared.Shape, binds: PostgresBindings, logger: Logger) async throws -> [PostgresRandomAccessRow] {
        let loop = eventLoop
        let answered = loop.makePromise(of: [PostgresRandomAccessRow].self)
        let statement = Prepared(bindings: binds) {
            loop.execute { loop.execute { self.failIfClosed(answered) } }
        }
        Task {
            do {
                let rows = try await Prepared.$shape.withValue(shape) {
                    var rows: [PostgresRandomAccessRow] = []
                    for try await row in try await self.execute(statement, logger: logger) {
                        rows.append(PostgresRandomAccessRow(row))
                    }
                    return rows
                }
                answered.succeed(rows)
            } catch {
                answered.fail(error)
            }
        }
        return try await answered.futureResult.get()
    }

    /// A promise keeps its first result: one the statement already answered stays answered.
    private func failIfClosed<T>(_ answered: EventLoopPromise<T>) {
        if isClosed { answered.fail(StoreUnavailable(reason: "the connection closed")) }
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
