import Foundation
import HTTPTypes
import Testing

/// An `Idempotency-Key` names one caller's request: another caller's same key and body is a
/// request of its own, checked for its own permissions, and never gets the first answer.
@Suite struct IdempotencyHTTPTests {
    /// Every POST of the API, each with a body its owner may send.
    static func everyPost(_ client: TestClient) async throws -> [(path: String, body: [String: Any])] {
        let catalog = try await Catalog.make(client, rooms: 3)
        let booking = try await catalog.book(client, room: 2)
        let checkin = try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[1]])
        let window: [String: Any] = ["starts_at": "2031-03-01T14:00:00Z", "ends_at": "2031-03-02T11:00:00Z"]
        return [
            ("/api/v1/organizations", ["name": "Another"]),
            ("/api/v1/api-keys", ["name": "new admin", "role": "admin"]),
            ("/api/v1/locations", ["name": "Annex", "timezone": "Europe/Paris"]),
            ("/api/v1/resources", ["location_id": catalog.locationID, "name": "Room 900", "kind": "room",
                                   "rate_amount": 1_000, "rate_unit": "night"]),
            ("/api/v1/members", ["name": "Ana Lima"]),
            ("/api/v1/bookings", window.merging(["member_id": catalog.memberID, "resource_ids": [catalog.roomIDs[0]]]) { $1 }),
            ("/api/v1/bookings/\(booking.id)/confirm", [:]),
            ("/api/v1/bookings/\(booking.id)/check-in", [:]),
            ("/api/v1/bookings/\(booking.id)/start", [:]),
            ("/api/v1/bookings/\(booking.id)/check-out", [:]),
            ("/api/v1/bookings/\(booking.id)/cancel", ["reason": "changed plans"]),
            ("/api/v1/bookings/\(booking.id)/no-show", [:]),
            ("/api/v1/checkins", ["resource_id": catalog.roomIDs[1]]),
            ("/api/v1/checkins/\(checkin.id)/check-in", [:]),
            ("/api/v1/checkins/\(checkin.id)/check-out", [:]),
            ("/api/v1/checkins/\(checkin.id)/revert", ["reason": "wrong guest"]),
            ("/api/v1/resources/\(catalog.roomIDs[1])/clean", [:]),
            ("/api/v1/actions", ["trigger": "checkin_started", "type": "flag_for_cleaning", "scope": "organization"]),
            ("/api/v1/webhook-deliveries/\(UUID().uuidString)/retry", [:]),
        ]
    }

    @Test func anotherCallersSameKeyIsCheckedForItsOwnPermissionsAndNeverReplayed() async throws {
        try await TestApp.run { owner, _ in
            let viewerKey = try await owner.post("/api/v1/api-keys", ["name": "lobby", "role": "viewer"])["secret"] as? String
            let viewer = owner.with(key: try #require(viewerKey))
            let posts = try await Self.everyPost(owner)
            #expect(posts.count == 19)
            for (index, post) in posts.enumerated() {
                let key = ["Idempotency-Key": "shared-\(index)"]
                let first = try await owner.post(post.path, post.body, headers: key)
                #expect(first.status < 500, "\(post.path): \(first.text)")
                let sequence = try await owner.get("/api/v1/events?after=0&limit=1000").items.count

                let other = try await viewer.post(post.path, post.body, headers: key)
                #expect(other.status == 403, "\(post.path) answered \(other.status): \(other.text)")
                #expect(other.code == "forbidden", "\(post.path)")
                #expect(other.headers[HTTPField.Name("Idempotent-Replayed")!] == nil, "\(post.path)")
                #expect(other["secret"] == nil, "\(post.path)")
                #expect(try await owner.get("/api/v1/events?after=0&limit=1000").items.count == sequence, "\(post.path)")

                // The first caller still gets its own answer back.
                let replay = try await owner.post(post.path, post.body, headers: key)
                #expect(replay.status == first.status, "\(post.path)")
                #expect(replay.body == first.body, "\(post.path)")
            }
        }
    }

    @Test func aKioskKeysSameKeyIsAFreshRequest() async throws {
        try await TestApp.run { owner, _ in
            let catalog = try await Catalog.make(owner)
            let kioskKey = try await owner.post("/api/v1/api-keys", ["name": "door", "role": "kiosk"])["secret"] as? String
            let kiosk = owner.with(key: try #require(kioskKey))
            let key = ["Idempotency-Key": "same"]

            let member = try await owner.post("/api/v1/members", ["name": "Ana Lima"], headers: key)
            #expect(member.status == 201)
            let refused = try await kiosk.post("/api/v1/members", ["name": "Ana Lima"], headers: key)
            #expect(refused.status == 403)
            #expect(refused.id.isEmpty)

            let visit = ["resource_id": catalog.roomIDs[0]]
            let ownersVisit = try await owner.post("/api/v1/checkins", visit, headers: ["Idempotency-Key": "visit"])
            let kiosksVisit = try await kiosk.post("/api/v1/checkins", visit, headers: ["Idempotency-Key": "visit"])
            #expect(ownersVisit.status == 201)
            #expect(kiosksVisit.status == 201)
            #expect(kiosksVisit.id != ownersVisit.id)
            #expect(kiosksVisit.headers[HTTPField.Name("Idempotent-Replayed")!] == nil)
            #expect(try await kiosk.post("/api/v1/checkins", visit, headers: ["Idempotency-Key": "visit"]).id == kiosksVisit.id)
        }
    }

    @Test func aReplayRepeatsTheFirstAnswersHeaders() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let body: [String: Any] = ["member_id": catalog.memberID, "resource_ids": [catalog.roomIDs[0]],
                                       "starts_at": "2030-03-01T14:00:00Z", "ends_at": "2030-03-02T11:00:00Z"]
            let first = try await client.post("/api/v1/bookings", body, headers: ["Idempotency-Key": "headers"])
            let replay = try await client.post("/api/v1/bookings", body, headers: ["Idempotency-Key": "headers"])
            #expect(first.status == 201)
            let etag = try #require(first.headers[.eTag])
            #expect(replay.headers[.eTag] == etag)
            #expect(replay.headers[.contentType] == first.headers[.contentType])
            #expect(replay.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            for field in first.headers where ![.date, .contentLength, .server].contains(field.name) {
                #expect(replay.headers[values: field.name].contains(field.value), "\(field.name)")
            }
        }
    }
}
