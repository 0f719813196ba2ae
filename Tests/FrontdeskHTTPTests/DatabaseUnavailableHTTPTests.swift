import FrontdeskEngine
@testable import FrontdeskHTTP
import Hummingbird
import Testing

/// A store that cannot reach its database (`StoreUnavailable`, thrown by the PostgreSQL adapter when
/// a connection fails or the server restarts) is a `503 database_unavailable` with `Retry-After`,
/// never a 500. `scripts/soak` shows the server answering it while PostgreSQL restarts under load,
/// and recovering.
@Suite struct DatabaseUnavailableHTTPTests {
    @Test func aStoreThatCannotReachItsDatabaseIsA503TellingToRetry() throws {
        let problem = ProblemMiddleware<BasicRequestContext>.problem(for: StoreUnavailable(reason: "serverClosedConnection"))
        #expect(problem.status == 503)
        #expect(problem.code == "database_unavailable")
        #expect(!problem.detail.contains("serverClosedConnection"))
        let response = ProblemMiddleware<BasicRequestContext>.response(problem)
        #expect(response.status.code == 503)
        #expect(response.headers[.retryAfter] == "1")
        #expect(response.headers[.contentType] == "application/problem+json")
    }
}
