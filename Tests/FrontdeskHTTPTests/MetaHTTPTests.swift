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

    @Test func metricsCountEachAnswerByItsStatus() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            #expect(try await client.delete("/api/v1/locations/\(UUID().uuidString)").status == 404)
            #expect(try await client.with(key: nil).get("/api/v1/locations").status == 401)
            #expect(try await catalog.book(client, from: "2030-03-02T14:00:00Z", to: "2030-03-01T11:00:00Z").status == 422)
            let metrics = try await client.with(key: nil).get("/metrics").text
            func counted(_ route: String, _ method: String, _ status: Int) -> Bool {
                metrics.contains("hb_requests{http_route=\"\(route)\",http_request_method=\"\(method)\",http_response_status_code=\"\(status)\"}")
            }
            #expect(counted("/api/v1/locations/{id}", "DELETE", 404))
            #expect(counted("/api/v1/locations", "GET", 401))
            #expect(counted("/api/v1/bookings", "POST", 422))
            #expect(!metrics.contains("http_response_status_code=\"500\""))
        }
    }

    @Test func aMalformedIdInAPathIs400AndAnUnknownOneIs404() async throws {
        try await TestApp.run { client, _ in
            for path in ["/api/v1/checkins/not-a-uuid", "/api/v1/bookings/not-a-uuid", "/api/v1/members/x",
                         "/api/v1/resources/x", "/api/v1/locations/x", "/api/v1/actions/x",
                         "/api/v1/checkins/not-a-uuid/audit", "/api/v1/bookings/not-a-uuid/audit"] {
                let response = try await client.get(path)
                #expect(response.status == 400, "\(path)")
                #expect(response.code == "malformed_request", "\(path)")
            }
            #expect(try await client.post("/api/v1/checkins/x/check-in").status == 400)
            #expect(try await client.delete("/api/v1/api-keys/x").status == 400)
            #expect(try await client.get("/api/v1/bookings/BK-2030-9999").status == 404)
            #expect(try await client.get("/api/v1/checkins/\(UUID().uuidString)").status == 404)
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
