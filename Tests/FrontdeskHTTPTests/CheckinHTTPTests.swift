import Foundation
import FrontdeskTestSupport
import HTTPTypes
import Testing

@Suite struct CheckinHTTPTests {
    @Test(arguments: Backend.enabled)
    func aWalkInArrivesAndLeaves(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let created = try await client.post("/api/v1/checkins", [
                "resource_id": catalog.roomIDs[0], "member_id": catalog.memberID, "notes": "drop-in desk",
                "starts_at": "2030-03-01T09:00:00Z", "ends_at": "2030-03-01T17:00:00+02:00",
                "metadata": ["badge": 42, "tags": ["vip", false, NSNull()], "door": ["floor": 1.5, "key": NSNull()]],
            ])
            #expect(created.status == 201)
            #expect(created["state"] as? String == "pending")
            #expect(created["version"] as? Int == 1 && created.headers[.eTag] == "\"1\"")
            #expect(created["ends_at"] as? String == "2030-03-01T15:00:00.000Z")
            #expect(created["check_in"] == nil && created["booking_id"] == nil)
            let metadata = try #require(created["metadata"] as? [String: Any])
            #expect(metadata["badge"] as? Int == 42 && (metadata["door"] as? [String: Any])?["floor"] as? Double == 1.5)
            let tags = try #require(metadata["tags"] as? [Any])
            #expect(tags.count == 3 && tags[0] as? String == "vip" && tags[1] as? Bool == false && tags[2] is NSNull)
            #expect((metadata["door"] as? [String: Any])?["key"] is NSNull)
            let path = "/api/v1/checkins/\(created.id)"

            // Desk stamps lie in the past (or within a minute of now), whatever the plan.
            let arrived = try await client.post(path + "/check-in", ["at": "2025-03-01T09:05:00Z"], headers: ["If-Match": "\"1\""])
            #expect(arrived.status == 200)
            #expect(arrived["state"] as? String == "in_progress" && arrived["check_in"] as? String == "2025-03-01T09:05:00.000Z")
            #expect(arrived.headers[.eTag] == "\"2\"")
            let left = try await client.post(path + "/check-out", ["at": "2025-03-01T12:00:00Z"])
            #expect(left["state"] as? String == "complete" && left["check_out"] as? String == "2025-03-01T12:00:00.000Z")
            let read = try await client.get(path)
            #expect(read.status == 200 && read["version"] as? Int == 3 && read.headers[.eTag] == "\"3\"")

            let events = try await client.get("/api/v1/events?after=0")
            #expect(events.items.map { $0["type"] as? String }
                == ["checkin_created", "checkin_started", "checkout_started", "checkout_completed"])
            #expect((events.items[3]["data"] as? [String: Any])?["state"] as? String == "complete")
            #expect(events.items.allSatisfy { $0["entity_type"] as? String == "checkin" })
        }
    }

    @Test(arguments: Backend.enabled)
    func wrongStepsAreProblemsWithStableCodes(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let created = try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[0]])
            let path = "/api/v1/checkins/\(created.id)"
            let early = try await client.post(path + "/check-out")
            #expect(early.status == 409 && early.code == "not_checked_in")
            #expect(early.headers[.contentType] == "application/problem+json")
            #expect(try await client.post(path + "/revert", ["reason": "oops"]).code == "nothing_to_revert")
            _ = try await client.post(path + "/check-in", ["at": "2025-03-01T10:00:00Z"])
            let twice = try await client.post(path + "/check-in")
            #expect(twice.status == 409 && twice.code == "duplicate_checkin")
            let backwards = try await client.post(path + "/check-out", ["at": "2025-03-01T09:00:00Z"])
            #expect(backwards.status == 422 && backwards.code == "validation_failed")
            #expect((backwards["errors"] as? [[String: Any]])?.first?["field"] as? String == "at")
            let patched = try await client.patch(path, ["check_out": "2025-03-01T09:00:00Z"])
            #expect(patched.status == 422)
            #expect((patched["errors"] as? [[String: Any]])?.first?["field"] as? String == "check_out")
            #expect(try await client.post(path + "/check-out", headers: ["If-Match": "\"1\""]).status == 412)
            #expect(try await client.post(path + "/check-out", ["at": "2025-03-01T11:00:00Z"]).status == 200)
            #expect(try await client.post(path + "/check-out").code == "already_checked_out")
            #expect(try await client.get(path)["version"] as? Int == 3)
            #expect(try await client.get("/api/v1/events").items.count == 4)
        }
    }

    @Test(arguments: Backend.enabled)
    func badInputIsA400Or422AndNeverA500(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            #expect(try await client.post("/api/v1/checkins").status == 400)
            #expect(try await client.request(.post, "/api/v1/checkins", raw: "{nope").status == 400)
            #expect(try await client.post("/api/v1/checkins", ["resource_id": "nope"]).status == 400)
            #expect(try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[0], "metadata": [1, 2]]).status == 400)
            let unknown = try await client.post("/api/v1/checkins", ["resource_id": UUID().uuidString])
            #expect(unknown.status == 422 && unknown.code == "validation_failed")
            let half = try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[0], "starts_at": "2030-03-01T09:00:00Z"])
            #expect(half.status == 422)
            #expect(try await client.get("/api/v1/checkins/nope").status == 400)
            #expect(try await client.get("/api/v1/checkins/\(UUID())").status == 404)
            #expect(try await client.get("/api/v1/checkins?state=bogus").status == 400)
            #expect(try await client.get("/api/v1/checkins?from=2030-03-02T00:00:00Z&to=2030-03-01T00:00:00Z").status == 422)
            let created = try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[0]])
            #expect(try await client.patch("/api/v1/checkins/\(created.id)", [String: Any]()).status == 422)
            #expect(try await client.post("/api/v1/checkins/\(created.id)/revert").status == 400)
            #expect(try await client.get("/api/v1/events").items.count == 1)
        }
    }

    @Test(arguments: Backend.enabled)
    func patchRevertDeleteAndAudit(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let created = try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[0], "notes": "x"])
            let path = "/api/v1/checkins/\(created.id)"
            let patched = try await client.patch(path, [
                "starts_at": "2030-03-01T09:00:00Z", "ends_at": "2030-03-01T10:00:00Z", "notes": "",
                "metadata": ["k": "v"], "check_in": "2025-03-01T09:10:00Z",
            ], headers: ["If-Match": "1"])
            #expect(patched.status == 200)
            #expect(patched["state"] as? String == "in_progress" && patched["notes"] == nil)
            #expect((patched["metadata"] as? [String: Any])?["k"] as? String == "v")
            let reverted = try await client.post(path + "/revert", ["reason": "wrong desk"])
            #expect(reverted.status == 200 && reverted["state"] as? String == "pending")

            let audit = try await client.get(path + "/audit")
            #expect(audit.items.map { $0["action"] as? String } == ["create", "update", "revert"])
            #expect(audit.items[2]["reason"] as? String == "wrong desk")
            #expect((audit.items[2]["actor"] as? [String: Any])?["name"] as? String == "owner")
            #expect((audit.items[2]["before"] as? [String: Any])?["state"] as? String == "in_progress")
            #expect(try await client.delete(path).status == 204)
            #expect(try await client.get(path).status == 404)
            // Its trail stays readable by its id, the deletion last.
            let trail = try await client.get(path + "/audit")
            #expect(trail.status == 200)
            #expect(trail.items.map { $0["action"] as? String } == ["create", "update", "revert", "delete"])
            #expect(try await client.get("/api/v1/events").items.last?["type"] as? String == "checkin_deleted")
        }
    }

    @Test(arguments: Backend.enabled)
    func listsFilterAndPage(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let a = try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[0], "member_id": catalog.memberID])
            let b = try await client.post("/api/v1/checkins", [
                "resource_id": catalog.roomIDs[1], "starts_at": "2030-03-01T09:00:00Z", "ends_at": "2030-03-01T10:00:00Z",
            ])
            _ = try await client.post("/api/v1/checkins/\(b.id)/check-in")
            let ids = { (query: String) in try await client.get("/api/v1/checkins" + query).items.map { $0["id"] as? String } }
            #expect(try await ids("") == [a.id, b.id])
            #expect(try await ids("?state=pending") == [a.id])
            #expect(try await ids("?state=pending&state=in_progress") == [a.id, b.id])
            #expect(try await ids("?resource_id=\(catalog.roomIDs[1])") == [b.id])
            #expect(try await ids("?member_id=\(catalog.memberID)") == [a.id])
            #expect(try await ids("?location_id=\(catalog.locationID)") == [a.id, b.id])
            // The planned window, else the visit so far: a pending checkin without a plan is open-ended.
            #expect(try await ids("?from=2030-03-01T09:30:00Z&to=2030-03-01T11:00:00Z") == [a.id, b.id])
            #expect(try await ids("?from=2030-03-01T10:00:00Z&to=2030-03-01T11:00:00Z") == [a.id])
            #expect(try await ids("?from=2020-03-01T10:00:00Z&to=2020-03-01T11:00:00Z") == [])
            let first = try await client.get("/api/v1/checkins?limit=1")
            let cursor = try #require(first["next_cursor"] as? String)
            #expect(try await ids("?limit=1&cursor=\(cursor)") == [b.id])
        }
    }

    @Test(arguments: Backend.enabled)
    func bookingsCreateTheirCheckinsAndNoShowsAreListed(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let booking = try await catalog.book(client, from: "2020-03-01T14:00:00Z", to: "2020-03-03T11:00:00Z")
            let other = try await catalog.book(client, room: 1, from: "2020-03-01T14:00:00Z", to: "2020-03-03T11:00:00Z")
            _ = try await catalog.book(client, room: 1, from: "2099-03-01T14:00:00Z", to: "2099-03-03T11:00:00Z")
            #expect(try await client.get("/api/v1/bookings?without_checkin=true").items.count == 2)

            _ = try await client.post("/api/v1/bookings/\(booking.id)/check-in")
            let visits = try await client.get("/api/v1/checkins?booking_id=\(booking.id)")
            #expect(visits.items.count == 1)
            #expect(visits.items[0]["state"] as? String == "in_progress")
            #expect(visits.items[0]["member_id"] as? String == catalog.memberID)
            #expect(try await client.get("/api/v1/bookings?without_checkin=true").items.map { $0["id"] as? String } == [other.id])

            let mismatch = try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[1], "booking_id": booking.id])
            #expect(mismatch.status == 422 && mismatch.code == "validation_failed")

            _ = try await client.post("/api/v1/bookings/\(booking.id)/check-out")
            let done = try await client.get("/api/v1/checkins?booking_id=\(booking.id)&state=complete")
            #expect(done.items.count == 1)
        }
    }

    @Test(arguments: Backend.enabled)
    func aKioskChecksInAndOutButCannotRevert(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let key = try await client.post("/api/v1/api-keys", ["name": "lobby", "role": "kiosk"])
            let kiosk = client.with(key: try #require(key["secret"] as? String))
            let created = try await kiosk.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[0]])
            #expect(created.status == 201)
            #expect(try await kiosk.post("/api/v1/checkins/\(created.id)/check-in").status == 200)
            #expect(try await kiosk.post("/api/v1/checkins/\(created.id)/check-out").status == 200)
            let denied = try await kiosk.post("/api/v1/checkins/\(created.id)/revert", ["reason": "x"])
            #expect(denied.status == 403 && denied["permission"] as? String == "booking:update")
            #expect(try await kiosk.delete("/api/v1/checkins/\(created.id)").status == 403)
        }
    }
}
