import Foundation
@testable import FrontdeskPostgres
import FrontdeskTestSupport
import PostgresNIO
import Testing

/// A server's store keeps its pool's connections open (`PostgresStore.keepingConnections`), so that
/// PostgresNIO arms no timer each time one goes back to the pool; any other store opens them as
/// they are asked for.
@Suite("PostgreSQL: a server's pool")
struct PostgresServingPoolTests {
    @Test(.enabled(if: Backend.enabled.contains(.postgres)), arguments: [true, false])
    func aServersPoolKeepsEveryConnectionOpen(serving: Bool) async throws {
        try await withTestStore(.postgres) { test in
            let owner = try #require(test.store as? PostgresStore)
            let database = try #require(owner.configuration.database)
            let connected: () async throws -> Int = {
                try await owner.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = \(database)")[0]
                    .value("n", as: Int.self)
            }
            let before = try await connected()
            var url = try #require(URLComponents(string: try Backend.postgresURL))
            url.path = "/" + database
            let store = try PostgresStore(url: try #require(url.string), maximumConnections: 3, serving: serving)
            _ = try await store.query("SELECT 1")
            let expected = before + (serving ? 3 : 1)
            let deadline = ContinuousClock.now + .seconds(10)
            var now = try await connected()
            while now != expected, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
                now = try await connected()
            }
            #expect(now == expected)
            try await store.shutdown()
        }
    }
}
