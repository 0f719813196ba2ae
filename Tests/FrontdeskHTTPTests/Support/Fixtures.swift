import Foundation
import Testing

/// Builds the usual catalog through the API: a location, resources, a member.
struct Catalog {
    var locationID: String
    var roomIDs: [String]
    var memberID: String

    static func make(_ client: TestClient, rooms: Int = 2, capacity: Int = 1, timezone: String = "Europe/Paris") async throws -> Catalog {
        let location = try await client.post("/api/v1/locations", ["name": "Hotel", "timezone": timezone])
        #expect(location.status == 201)
        var roomIDs: [String] = []
        for i in 0..<rooms {
            let room = try await client.post("/api/v1/resources", [
                "location_id": location.id, "name": "Room \(101 + i)", "kind": "room", "category": i == 0 ? "double" : "suite",
                "capacity": capacity, "rate_amount": 10_000, "rate_unit": "night",
            ])
            #expect(room.status == 201)
            roomIDs.append(room.id)
        }
        let member = try await client.post("/api/v1/members", ["name": "Priya Mehta", "email": "priya@example.com", "phone": "+351 910 000 000"])
        #expect(member.status == 201)
        return Catalog(locationID: location.id, roomIDs: roomIDs, memberID: member.id)
    }

    func book(_ client: TestClient, room: Int = 0, from: String = "2030-03-01T14:00:00Z", to: String = "2030-03-03T11:00:00Z",
              extra: [String: Any] = [:]) async throws -> TestResponse {
        var body: [String: Any] = ["member_id": memberID, "resource_ids": [roomIDs[room]], "starts_at": from, "ends_at": to]
        body.merge(extra) { _, new in new }
        return try await client.post("/api/v1/bookings", body)
    }
}
