import Foundation
import FrontdeskHTTP
import HTTPTypes
import Testing

/// CORS: off unless origins are allowed; an allowed origin's preflight is answered and its
/// answers (problems too) carry the headers a browser needs to read them; others get none.
@Suite struct CrossOriginHTTPTests {
    static let desk = "https://desk.example.com"

    @Test func offByDefault() async throws {
        try await TestApp.run { client, _ in
            let answer = try await client.request(.get, "/api/v1/organization", headers: ["Origin": Self.desk])
            #expect(answer.status == 200)
            #expect(answer.headers[.accessControlAllowOrigin] == nil)
            let preflight = try await client.with(key: nil).request(.options, "/api/v1/bookings", headers: [
                "Origin": Self.desk, "Access-Control-Request-Method": "POST",
            ])
            #expect(preflight.headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test func anAllowedOriginsPreflightIsAnswered() async throws {
        try await TestApp.run(configure: { $0.allowedOrigins = [Self.desk] }) { client, _ in
            let preflight = try await client.with(key: nil).request(.options, "/api/v1/bookings", headers: [
                "Origin": Self.desk, "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization, content-type, idempotency-key",
            ])
            #expect(preflight.status == 204)
            #expect(preflight.headers[.accessControlAllowOrigin] == Self.desk)
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("POST") == true)
            let allowed = preflight.headers[.accessControlAllowHeaders]?.lowercased() ?? ""
            #expect(["authorization", "content-type", "idempotency-key", "if-match"].allSatisfy(allowed.contains))
            #expect(preflight.headers[.vary] == "Origin")
        }
    }

    @Test func anAllowedOriginReadsAnswersAndProblems() async throws {
        try await TestApp.run(configure: { $0.allowedOrigins = [Self.desk] }) { client, _ in
            let answer = try await client.request(.get, "/api/v1/organization", headers: ["Origin": Self.desk])
            #expect(answer.status == 200)
            #expect(answer.headers[.accessControlAllowOrigin] == Self.desk)
            #expect(answer.headers[.accessControlExposeHeaders]?.contains("ETag") == true)
            let refused = try await client.with(key: nil).request(.get, "/api/v1/organization", headers: ["Origin": Self.desk])
            #expect(refused.status == 401)
            #expect(refused.headers[.accessControlAllowOrigin] == Self.desk)
        }
    }

    @Test func anotherOriginGetsNoHeader() async throws {
        try await TestApp.run(configure: { $0.allowedOrigins = [Self.desk] }) { client, _ in
            let answer = try await client.request(.get, "/api/v1/organization", headers: ["Origin": "https://evil.example"])
            #expect(answer.status == 200)
            #expect(answer.headers[.accessControlAllowOrigin] == nil)
            let preflight = try await client.with(key: nil).request(.options, "/api/v1/bookings", headers: [
                "Origin": "https://evil.example", "Access-Control-Request-Method": "POST",
            ])
            #expect(preflight.headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test func anyOriginWithAStar() async throws {
        try await TestApp.run(configure: { $0.allowedOrigins = ["*"] }) { client, _ in
            let answer = try await client.request(.get, "/health", headers: ["Origin": "http://localhost:3000"])
            #expect(answer.headers[.accessControlAllowOrigin] == "http://localhost:3000")
        }
    }
}
