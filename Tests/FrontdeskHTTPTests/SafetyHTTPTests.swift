import Foundation
import HTTPTypes
import Testing

@Suite struct SafetyHTTPTests {
    @Test func idempotencyKeyReplaysTheFirstAnswer() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let body: [String: Any] = ["member_id": catalog.memberID, "resource_ids": [catalog.roomIDs[0]],
                                       "starts_at": "2030-03-01T14:00:00Z", "ends_at": "2030-03-02T11:00:00Z"]
            let first = try await client.post("/api/v1/bookings", body, headers: ["Idempotency-Key": "abc-1"])
            let retry = try await client.post("/api/v1/bookings", body, headers: ["Idempotency-Key": "abc-1"])
            #expect(first.status == 201)
            #expect(retry.status == 201)
            #expect(retry.id == first.id)
            #expect(retry["number"] as? String == first["number"] as? String)
            #expect(try await client.get("/api/v1/bookings").items.count == 1)

            var other = body
            other["notes"] = "different"
            let reused = try await client.post("/api/v1/bookings", other, headers: ["Idempotency-Key": "abc-1"])
            #expect(reused.status == 422)
            #expect(reused.code == "idempotency_key_reused")
        }
    }

    @Test func idempotencyIgnoresKeyOrderAndReplaysRefusals() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let member = "\"member_id\":\"\(catalog.memberID)\"", rooms = "\"resource_ids\":[\"\(catalog.roomIDs[0])\"]"
            let window = "\"starts_at\":\"2030-03-01T14:00:00Z\",\"ends_at\":\"2030-03-02T11:00:00Z\""
            let key = ["Idempotency-Key": "order-1"]
            let first = try await client.request(.post, "/api/v1/bookings", raw: "{\(member),\(rooms),\(window)}", headers: key)
            let retry = try await client.request(.post, "/api/v1/bookings", raw: "{ \(window), \(rooms), \(member) }", headers: key)
            #expect(first.status == 201)
            #expect(retry.id == first.id)
            #expect(retry.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")

            let refused = try await client.request(.post, "/api/v1/bookings", raw: "{\(member),\(rooms),\(window)}",
                                                   headers: ["Idempotency-Key": "order-2"])
            #expect(refused.status == 409)
            let again = try await client.request(.post, "/api/v1/bookings", raw: "{\(member),\(rooms),\(window)}",
                                                 headers: ["Idempotency-Key": "order-2"])
            #expect(again.status == 409)
            #expect(again.code == "booking_conflict")
            #expect(try await client.get("/api/v1/bookings").items.count == 1)
        }
    }

    @Test func badInputIsA4xxProblemAndWritesNothing() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let malformed = try await client.request(.post, "/api/v1/bookings", raw: "{\"member_id\": ")
            #expect(malformed.status == 400)
            #expect(malformed.code == "malformed_request")
            #expect(malformed.headers[.contentType] == "application/problem+json")
            let empty = try await client.request(.post, "/api/v1/bookings")
            #expect(empty.status == 422 && empty.code == "validation_failed")  // neither member_id nor member
            let badID = try await client.post("/api/v1/bookings", [
                "member_id": "not-a-uuid", "resource_ids": [catalog.roomIDs[0]],
                "starts_at": "2030-03-01T14:00:00Z", "ends_at": "2030-03-02T11:00:00Z",
            ])
            #expect(badID.status == 400)
            let backwards = try await catalog.book(client, from: "2030-03-02T14:00:00Z", to: "2030-03-01T11:00:00Z")
            #expect(backwards.status == 422)
            #expect(backwards.code == "validation_failed")
            let bothWindows = try await catalog.book(client, extra: ["check_in": "2030-03-01", "check_out": "2030-03-02"])
            #expect(bothWindows.status == 422)
            let badDate = try await client.post("/api/v1/bookings", [
                "member_id": catalog.memberID, "resource_ids": [catalog.roomIDs[0]], "check_in": "2030-02-30", "check_out": "2030-03-02",
            ])
            #expect(badDate.status == 400)
            #expect(badDate.code == "malformed_request")
            let unknownMember = try await client.post("/api/v1/bookings", [
                "member_id": UUID().uuidString, "resource_ids": [catalog.roomIDs[0]],
                "starts_at": "2030-03-01T14:00:00Z", "ends_at": "2030-03-02T11:00:00Z",
            ])
            #expect(unknownMember.status == 422)
            #expect(try await client.get("/api/v1/bookings/\(UUID().uuidString)").status == 404)
            #expect(try await client.get("/api/v1/bookings/BK-2030-9999").status == 404)
            #expect(try await client.get("/api/v1/bookings").items.isEmpty)
            #expect(try await client.get("/api/v1/events").items.isEmpty)
        }
    }

    @Test func bodiesOverOneMebibyteAre413() async throws {
        try await TestApp.run { client, _ in
            let huge = String(repeating: "x", count: 1_100_000)
            let response = try await client.post("/api/v1/members", ["name": "X", "notes": huge])
            #expect(response.status == 413)
            #expect(response.code == "payload_too_large")
            #expect(try await client.get("/api/v1/members").items.isEmpty)
        }
    }
}
