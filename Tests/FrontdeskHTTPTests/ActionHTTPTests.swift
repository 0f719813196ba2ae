import Foundation
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// `/api/v1/actions`, the housekeeping flag on resources and `/api/v1/webhook-deliveries`, through the router.
@Suite struct ActionHTTPTests {
    static let hookURL = "https://hooks.example.com/frontdesk"

    /// A walk-in on `room`, checked in and out.
    static func visit(_ client: TestClient, _ room: String) async throws {
        let checkin = try await client.post("/api/v1/checkins", ["resource_id": room])
        #expect(try await client.post("/api/v1/checkins/\(checkin.id)/check-in").status == 200)
        #expect(try await client.post("/api/v1/checkins/\(checkin.id)/check-out").status == 200)
    }

    @Test(arguments: Backend.enabled)
    func actionsAreCreatedReadChangedAndDeleted(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let created = try await client.post("/api/v1/actions", [
                "trigger": "checkin_started", "type": "webhook", "scope": "resource", "scope_id": catalog.roomIDs[0],
                "url": Self.hookURL,
            ])
            #expect(created.status == 201)
            #expect((created["secret"] as? String)?.hasPrefix("whsec_") == true)
            #expect(created["scope_id"] as? String == catalog.roomIDs[0] && created["url"] as? String == Self.hookURL)
            let path = "/api/v1/actions/\(created.id)"
            let read = try await client.get(path)
            #expect(read.status == 200 && read["secret"] == nil && read["trigger"] as? String == "checkin_started")
            let listed = try await client.get("/api/v1/actions")
            #expect(listed.items.map { $0["id"] as? String } == [created.id] && listed.items[0]["secret"] == nil)

            let changed = try await client.patch(path, ["trigger": "checkout_completed", "scope": "location",
                                                        "scope_id": catalog.locationID])
            #expect(changed.status == 200 && changed["scope"] as? String == "location")
            #expect(changed["trigger"] as? String == "checkout_completed" && changed["url"] as? String == Self.hookURL)
            #expect(try await client.delete(path).status == 204)
            #expect(try await client.get(path).code == "not_found")
            #expect(try await client.delete(path).status == 404)
        }
    }

    @Test(arguments: Backend.enabled)
    func badActionsAreProblems(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let base: [String: Any] = ["trigger": "checkin_started", "type": "webhook", "scope": "organization"]
            func create(_ extra: [String: Any]) async throws -> TestResponse {
                try await client.post("/api/v1/actions", base.merging(extra) { _, new in new })
            }
            let loopback = try await create(["url": "http://127.0.0.1:9000/hook"])
            #expect(loopback.status == 422 && loopback.code == "validation_failed")
            #expect(loopback.text.contains("private or loopback"))
            #expect(try await create(["url": "http://10.0.0.8/hook"]).status == 422)
            #expect(try await create([:]).status == 422)
            #expect(try await create(["url": "not a url"]).status == 422)
            #expect(try await create(["url": Self.hookURL, "scope": "location"]).status == 422)
            #expect(try await create(["url": Self.hookURL, "scope": "resource", "scope_id": UUID().uuidString]).status == 422)
            #expect(try await create(["url": Self.hookURL, "trigger": "door_opened"]).status == 400)
            #expect(try await create(["url": Self.hookURL, "scope_id": "nope", "scope": "resource"]).status == 400)
            #expect(try await create(["type": "flag_for_cleaning", "url": Self.hookURL]).status == 422)
            #expect(try await client.get("/api/v1/actions/\(UUID())").status == 404)
            #expect(try await client.get("/api/v1/actions/not-an-id").status == 400)

            let flag = try await create(["type": "flag_for_cleaning", "scope": "resource", "scope_id": catalog.roomIDs[0]])
            #expect(flag.status == 201 && flag["secret"] == nil)
            let retype = try await client.patch("/api/v1/actions/\(flag.id)", ["type": "webhook"])
            #expect(retype.status == 422 && retype.code == "validation_failed")
            #expect(try await client.patch("/api/v1/actions/\(UUID())", ["url": Self.hookURL]).status == 404)

            let key = try await client.post("/api/v1/api-keys", ["name": "lobby screen", "role": "viewer"])
            let viewer = client.with(key: key["secret"] as? String)
            #expect(try await viewer.get("/api/v1/actions").status == 200)
            let refused = try await viewer.post("/api/v1/actions", base.merging(["url": Self.hookURL]) { _, new in new })
            #expect(refused.status == 403 && refused["permission"] as? String == "settings:manage")
            #expect(try await viewer.delete("/api/v1/actions/\(flag.id)").status == 403)
            #expect(try await client.with(key: nil).get("/api/v1/actions").status == 401)
        }
    }

    @Test(arguments: Backend.enabled)
    func aCheckoutFlagsTheRoomUntilItIsCleaned(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, app in
            let catalog = try await Catalog.make(client)
            let flag = try await client.post("/api/v1/actions", [
                "trigger": "checkout_completed", "type": "flag_for_cleaning", "scope": "location", "scope_id": catalog.locationID,
            ])
            #expect(flag.status == 201)
            let room = "/api/v1/resources/\(catalog.roomIDs[0])"
            #expect(try await client.get(room)["housekeeping"] as? String == "clean")
            try await Self.visit(client, catalog.roomIDs[0])
            try await app.frontdesk.dispatch()
            #expect(try await client.get(room)["housekeeping"] as? String == "dirty")
            #expect(try await client.get("/api/v1/resources/\(catalog.roomIDs[1])")["housekeeping"] as? String == "clean")
            let availability = try await client.get("/api/v1/availability?check_in=2030-03-01&check_out=2030-03-03")
            let available = try #require(availability["available"] as? [[String: Any]])
            #expect(available.compactMap { ($0["resource"] as? [String: Any])?["housekeeping"] as? String }.sorted()
                    == ["clean", "dirty"])
            let cleaned = try await client.post(room + "/clean")
            #expect(cleaned.status == 200 && cleaned["housekeeping"] as? String == "clean")
            #expect(try await client.post("/api/v1/resources/\(UUID())/clean").status == 404)
        }
    }

    @Test(arguments: Backend.enabled)
    func aCheckoutReadiesTheNextBookingOfTheRoom(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, app in
            let catalog = try await Catalog.make(client)
            let ready: [String: Any] = ["type": "ready_next_booking", "scope": "resource", "scope_id": catalog.roomIDs[0]]
            let refused = try await client.post("/api/v1/actions", ready.merging(["trigger": "checkin_started"]) { _, new in new })
            #expect(refused.status == 422 && refused.code == "validation_failed" && refused.text.contains("checkout_completed"))
            let action = try await client.post("/api/v1/actions", ready.merging(["trigger": "checkout_completed"]) { _, new in new })
            #expect(action.status == 201 && action["type"] as? String == "ready_next_booking" && action["secret"] == nil)

            // Stays that have begun: desk stamps are not in the future.
            let earlier = try await catalog.book(client, from: "2025-02-20T14:00:00Z", to: "2025-02-22T11:00:00Z")
            let leaving = try await catalog.book(client, from: "2025-03-01T14:00:00Z", to: "2025-03-03T11:00:00Z")
            let next = try await catalog.book(client, from: "2025-03-03T14:00:00Z", to: "2025-03-05T11:00:00Z")
            let otherRoom = try await catalog.book(client, room: 1, from: "2025-03-03T14:00:00Z", to: "2025-03-05T11:00:00Z")
            #expect(next.status == 201 && next["ready_at"] == nil)
            let stay = "/api/v1/bookings/\(leaving.id)"
            #expect(try await client.post(stay + "/check-in", ["at": "2025-03-01T15:00:00Z"]).status == 200)
            #expect(try await client.post(stay + "/check-out", ["at": "2025-03-03T09:30:00Z"]).status == 200)
            try await app.frontdesk.dispatch()

            let readied = try await client.get("/api/v1/bookings/\(next.id)")
            #expect(readied["ready_at"] is String && readied["version"] as? Int == 2)
            for untouched in [earlier, otherRoom] {
                #expect(try await client.get("/api/v1/bookings/\(untouched.id)")["ready_at"] == nil)
            }
            let events = try await client.get("/api/v1/events?after=0").items.filter { $0["type"] as? String == "booking_ready" }
            #expect(events.map { $0["entity_id"] as? String } == [next.id])
            #expect((events.first?["data"] as? [String: Any])?["ready_at"] as? String == readied["ready_at"] as? String)
        }
    }

    @Test(arguments: Backend.enabled)
    func deliveriesAreListedFilteredAndRetried(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, app in
            let catalog = try await Catalog.make(client)
            let started = try await client.post("/api/v1/actions", [
                "trigger": "checkin_started", "type": "webhook", "scope": "organization", "url": Self.hookURL,
            ])
            let completed = try await client.post("/api/v1/actions", [
                "trigger": "checkout_completed", "type": "webhook", "scope": "organization", "url": Self.hookURL,
            ])
            try await Self.visit(client, catalog.roomIDs[0])
            try await app.frontdesk.dispatch()

            let all = try await client.get("/api/v1/webhook-deliveries")
            #expect(all.status == 200 && all.items.count == 2)
            #expect(all.items.allSatisfy { $0["status"] as? String == "pending" && $0["attempts"] as? Int == 0 })
            let mine = try await client.get("/api/v1/webhook-deliveries?action_id=\(completed.id)")
            #expect(mine.items.map { $0["event_type"] as? String } == ["checkout_completed"])
            let byType = try await client.get("/api/v1/webhook-deliveries?event_type=checkin_started&status=pending")
            #expect(byType.items.map { $0["action_id"] as? String } == [started.id])
            #expect(try await client.get("/api/v1/webhook-deliveries?status=delivered").items.isEmpty)
            let paged = try await client.get("/api/v1/webhook-deliveries?limit=1")
            #expect(paged.items.count == 1 && paged["next_cursor"] is String)
            #expect(try await client.get("/api/v1/webhook-deliveries?status=lost").status == 400)
            #expect(try await client.get("/api/v1/webhook-deliveries?action_id=nope").status == 400)

            let id = try #require(mine.items.first?["id"] as? String)
            let retried = try await client.post("/api/v1/webhook-deliveries/\(id)/retry")
            #expect(retried.status == 200 && retried["status"] as? String == "pending" && retried.id == id)
            #expect(try await client.post("/api/v1/webhook-deliveries/\(UUID())/retry").status == 404)
        }
    }
}
