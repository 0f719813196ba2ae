import Foundation
import HTTPTypes
import Testing

@Suite struct MetaHTTPTests {
    @Test func healthNeedsNoKey() async throws {
        try await TestApp.run { client, _ in
            let health = try await client.with(key: nil).get("/health")
            #expect(health.status == 200)
            #expect(health["status"] as? String == "ok")
            #expect(health["database"] as? String == "sqlite")
        }
    }

    @Test func servesItsOpenAPIDocument() async throws {
        try await TestApp.run { client, _ in
            let spec = try await client.with(key: nil).get("/openapi.yaml")
            #expect(spec.status == 200)
            #expect(spec.text.contains("openapi: 3.1"))
            #expect(spec.text.contains("/api/v1/bookings"))
        }
    }

    @Test func exposesPrometheusMetrics() async throws {
        try await TestApp.run { client, _ in
            _ = try await client.get("/api/v1/organization")
            let metrics = try await client.with(key: nil).get("/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.text.contains("hb_requests"))
        }
    }

    @Test func unknownRouteIsAProblem() async throws {
        try await TestApp.run { client, _ in
            let response = try await client.get("/api/v1/nothing-here")
            #expect(response.status == 404)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(response.code == "not_found")
        }
    }
}
