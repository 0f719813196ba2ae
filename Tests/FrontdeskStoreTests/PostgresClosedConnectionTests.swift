import FrontdeskEngine
@testable import FrontdeskPostgres
import FrontdeskTestSupport
import PostgresNIO
import Testing

/// PostgresNIO (1.33) never answers a query written to a channel that has closed: after a restart
/// of PostgreSQL under load, a statement that met its connection's close that way held its request
/// and its pooled connection forever (`PostgresConnection+SQL.swift`). It fails at once instead,
/// as the database unavailable (a 503 the client retries), and the pool goes on with others.
@Suite("PostgreSQL: a closed connection")
struct PostgresClosedConnectionTests {
    /// Sent whole (no parameters) and prepared (`PreparedStatements.swift`): two paths, one check each.
    @Test(.enabled(if: Backend.enabled.contains(.postgres)), arguments: [false, true])
    func aStatementWrittenToAClosedConnectionFailsInsteadOfWaitingForever(prepared: Bool) async throws {
        let sql: SQL = prepared ? "SELECT \(1)::bigint" : "SELECT 1"
        try await withTestStore(.postgres) { test in
            let store = try #require(test.store as? PostgresStore)
            let outcome = await withinDeadline(.seconds(10), else: "no answer in 10 s") {
                do {
                    try await store.client.withConnection { connection in
                        try await connection.close()
                        _ = try await connection.rows(sql, logger: store.logger)
                    }
                    return "answered"
                } catch let unavailable as StoreUnavailable {
                    return unavailable.reason
                } catch {
                    return "\(error)"
                }
            }
            #expect(outcome == "the connection closed")
            #expect(try await store.query(sql).count == 1, "the pool hands out another connection")
        }
    }
}
