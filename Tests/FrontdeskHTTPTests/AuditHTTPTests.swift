import Foundation
import Testing

/// The audit log over HTTP: a deleted booking's trail, and the organization's log as a list.
@Suite struct AuditHTTPTests {
    @Test func aDeletedBookingsTrailStaysAndTheLogListsEverything() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client, rooms: 2)
            let booking = try await catalog.book(client)
            let path = "/api/v1/bookings/\(booking.id)"
            #expect(try await client.post(path + "/cancel", ["reason": "plans changed"]).status == 200)
            #expect(try await client.delete(path).status == 204)
            #expect(try await client.get(path).status == 404)

            let trail = try await client.get(path + "/audit")
            #expect(trail.status == 200)
            #expect(trail.items.map { $0["action"] as? String } == ["create", "cancel", "delete"])
            #expect(try await client.get("/api/v1/bookings/\(UUID().uuidString.lowercased())/audit").status == 404)

            let log = try await client.get("/api/v1/audit?entity_type=booking&entity_id=\(booking.id)&limit=2")
            #expect(log.status == 200)
            #expect(log.items.map { $0["action"] as? String } == ["create", "cancel"])
            let cursor = try #require(log["next_cursor"] as? String)
            let rest = try await client.get("/api/v1/audit?entity_type=booking&entity_id=\(booking.id)&limit=2&cursor=\(cursor)")
            #expect(rest.items.map { $0["action"] as? String } == ["delete"] && rest["next_cursor"] == nil)
            #expect(try await client.get("/api/v1/audit?actor_type=system").items.isEmpty)
            #expect(try await client.get("/api/v1/audit?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z").items.isEmpty)

            let backwards = try await client.get("/api/v1/audit?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z")
            #expect(backwards.status == 422 && backwards.code == "validation_failed")
            let otherList = try await client.get("/api/v1/resources?limit=1")
            let foreign = try await client.get("/api/v1/audit?cursor=\(try #require(otherList["next_cursor"] as? String))")
            #expect(foreign.status == 422)
        }
    }
}
