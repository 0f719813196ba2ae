import Foundation
import FrontdeskEngine
@testable import FrontdeskPostgres
import FrontdeskTestSupport
import PostgresNIO
import Testing

/// A statement with parameters is prepared once per connection and run by name
/// (`PreparedStatements.swift`).
@Suite("PostgreSQL: prepared statements")
struct PostgresPreparedStatementTests {
    @Test(.enabled(if: Backend.enabled.contains(.postgres)))
    func aStatementIsPreparedOnceAndAnswersEachCallsValues() async throws {
        try await withTestStore(.postgres) { test in
            let store = try #require(test.store as? PostgresStore)
            try await store.client.withConnection { connection in
                let tag = "probe_\(UUID().uuidString.prefix(8))"  // this test's own statement text
                for value in [1, 2, 3] {
                    let rows = try await connection.rows("SELECT \(value)::bigint + 1 AS answer /* \(raw: tag) */", logger: store.logger)
                    #expect(try rows[0].value("answer", as: Int.self) == value + 1)
                }
                let names = try await connection.rows(
                    "SELECT name FROM pg_prepared_statements WHERE strpos(statement, \(tag)) > 0", logger: store.logger)
                #expect(names.count == 1)
                #expect(try names.first?.value("name", as: String.self).hasPrefix("frontdesk_") == true)
            }
        }
    }

    /// PostgreSQL fixes a parameter's type when it prepares the statement: bound NULL, the type is
    /// inferred (here `text`, from the cast); bound to a number, it is `bigint`. One name for both
    /// would send a number's bytes as text.
    @Test(.enabled(if: Backend.enabled.contains(.postgres)))
    func aParameterBoundNullAndBoundToAValueAreTwoStatements() async throws {
        try await withTestStore(.postgres) { test in
            let store = try #require(test.store as? PostgresStore)
            try await store.client.withConnection { connection in
                let missing: Int? = nil
                let nothing = try await connection.rows("SELECT \(missing)::text AS shown", logger: store.logger)
                #expect(try nothing[0].value("shown", as: String?.self) == nil)
                let seven = try await connection.rows("SELECT \(7)::text AS shown", logger: store.logger)
                #expect(try seven[0].value("shown", as: String?.self) == "7")
            }
        }
    }

    /// Another replica's migration can change what a prepared `SELECT *` returns. PostgreSQL then
    /// refuses the plan it kept; the statement is prepared again, under a new name, at the next call.
    @Test(.enabled(if: Backend.enabled.contains(.postgres)))
    func aStatementTheSchemaChangedUnderIsPreparedAgain() async throws {
        try await withTestStore(.postgres) { test in
            let store = try #require(test.store as? PostgresStore)
            try await store.client.withConnection { connection in
                try await connection.run("CREATE TABLE prepared_probe (id bigint PRIMARY KEY)", logger: store.logger)
                try await connection.run("INSERT INTO prepared_probe VALUES (\(1))", logger: store.logger)
                let read: SQL = "SELECT * FROM prepared_probe WHERE id = \(1)"
                #expect(try await connection.rows(read, logger: store.logger).count == 1)
                try await connection.run("ALTER TABLE prepared_probe ADD COLUMN note text DEFAULT 'added'", logger: store.logger)
                await #expect(throws: PSQLError.self) { try await connection.rows(read, logger: store.logger) }
                let rows = try await connection.rows(read, logger: store.logger)
                #expect(try rows.first?.value("note", as: String.self) == "added")
            }
        }
    }
}
