import Foundation
import HTTPTypes
import Testing

@Suite struct AccessHTTPTests {
    @Test func missingOrWrongKeyIs401Problem() async throws {
        try await TestApp.run { client, _ in
            let none = try await client.with(key: nil).get("/api/v1/bookings")
            #expect(none.status == 401)
            #expect(none.code == "unauthorized")
            #expect(none.headers[.contentType] == "application/problem+json")
            let wrong = try await client.with(key: "fd_notakey").get("/api/v1/bookings")
            #expect(wrong.status == 401)
        }
    }

    @Test func bearerSchemeIgnoresCaseAndTheBlanksAroundTheKey() async throws {
        try await TestApp.run { client, _ in
            let key = try #require(client.key)
            let bare = client.with(key: nil)
            for header in ["bearer \(key)", "BEARER \(key)", "Bearer \t \(key)"] {
                #expect(try await bare.request(.get, "/api/v1/bookings", headers: ["Authorization": header]).status == 200)
            }
            for header in ["Basic \(key)", "Bearer", "Bearer  ", key, "Bearer \(key)x"] {
                #expect(try await bare.request(.get, "/api/v1/bookings", headers: ["Authorization": header]).status == 401)
            }
        }
    }

    @Test func rolesLimitWhatAKeyMayDo() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let created = try await client.post("/api/v1/api-keys", ["name": "lobby screen", "role": "viewer"])
            #expect(created.status == 201)
            let secret = try #require(created["secret"] as? String)
            #expect((created["permissions"] as? [String])?.contains("booking:read") == true)
            let viewer = client.with(key: secret)
            #expect(try await viewer.get("/api/v1/bookings").status == 200)
            let denied = try await catalog.book(viewer)
            #expect(denied.status == 403)
            #expect(denied.code == "forbidden")
            #expect(denied["permission"] as? String == "booking:create")

            let listed = try await client.get("/api/v1/api-keys")
            #expect(listed.items.count == 2)
            #expect(listed.items.allSatisfy { $0["secret"] == nil && $0["hash"] == nil })
            #expect(try await client.delete("/api/v1/api-keys/\(created.id)").status == 204)
            #expect(try await viewer.get("/api/v1/bookings").status == 401)
        }
    }

    @Test func adminCannotMintOwner() async throws {
        try await TestApp.run { client, _ in
            let admin = try await client.post("/api/v1/api-keys", ["name": "admin", "role": "admin"])
            let response = try await client.with(key: admin["secret"] as? String)
                .post("/api/v1/api-keys", ["name": "sneaky", "role": "owner"])
            #expect(response.status == 422)
            #expect(response.code == "validation_failed")
        }
    }

    @Test func platformKeyCreatesIsolatedOrganizations() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let booking = try await catalog.book(client)
            #expect(booking.status == 201)

            let denied = try await client.post("/api/v1/organizations", ["name": "Bike shop"])
            #expect(denied.status == 403)
            let created = try await client.with(key: TestApp.masterKey)
                .post("/api/v1/organizations", ["name": "Bike shop", "timezone": "America/New_York", "currency": "USD"])
            #expect(created.status == 201)
            let apiKey = try #require(created["api_key"] as? [String: Any])
            let other = client.with(key: try #require(apiKey["secret"] as? String))

            let organization = try await other.get("/api/v1/organization")
            #expect(organization["name"] as? String == "Bike shop")
            #expect(organization["timezone"] as? String == "America/New_York")
            // Nothing of the first organization is visible, and its ids are simply not found.
            #expect(try await other.get("/api/v1/bookings").items.isEmpty)
            #expect(try await other.get("/api/v1/resources").items.isEmpty)
            #expect(try await other.get("/api/v1/members").items.isEmpty)
            #expect(try await other.get("/api/v1/events").items.isEmpty)
            #expect(try await other.get("/api/v1/bookings/\(booking.id)").status == 404)
            #expect(try await other.get("/api/v1/bookings/\(booking["number"] as! String)").status == 404)
            #expect(try await other.get("/api/v1/resources/\(catalog.roomIDs[0])").status == 404)
            #expect(try await other.get("/api/v1/members/\(catalog.memberID)").status == 404)
            #expect(try await other.post("/api/v1/bookings/\(booking.id)/cancel").status == 404)
            #expect(try await other.delete("/api/v1/locations/\(catalog.locationID)").status == 404)
            // Booking another organization's resource for one's own member fails as unknown.
            let member = try await other.post("/api/v1/members", ["name": "Sam"])
            let cross = try await other.post("/api/v1/bookings", [
                "member_id": member.id, "resource_ids": [catalog.roomIDs[1]],
                "starts_at": "2030-03-01T14:00:00Z", "ends_at": "2030-03-02T11:00:00Z",
            ])
            #expect(cross.status == 422)
            #expect(try await client.get("/api/v1/bookings/\(booking.id)").status == 200)
        }
    }
}
