import Foundation
import FrontdeskCore
import FrontdeskTestSupport
import HTTPTypes
import Testing

/// Booking, check-in, check-out and a scan are answered by hand-written routes with the outbox's
/// JSON; the generated server answers every read. Both must say the same of the same entity.
@Suite struct HotWriteRoutesHTTPTests {
    @Test(arguments: Backend.enabled)
    func answersMatchTheGeneratedServersReads(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let booked = try await client.post("/api/v1/bookings", [
                "member_id": catalog.memberID, "resource_ids": catalog.roomIDs,
                "check_in": "2030-03-01", "check_out": "2030-03-04", "source": "phone", "notes": "Late arrival",
            ])
            #expect(booked.status == 201 && booked.headers[.eTag] == "\"1\"")
            #expect(booked.headers[.contentType] == "application/json; charset=utf-8")
            let bookingRead = try await client.get("/api/v1/bookings/\(booked.id)")
            #expect(Self.set(booked.json) == Self.set(bookingRead.json))
            #expect((booked["lines"] as? [Any])?.count == 2)

            let created = try await client.post("/api/v1/checkins", [
                "resource_id": catalog.roomIDs[0], "member_id": catalog.memberID, "metadata": ["badge": 7],
            ])
            let path = "/api/v1/checkins/\(created.id)"
            let arrived = try await client.post(path + "/check-in")
            #expect(arrived.status == 200 && arrived.headers[.eTag] == "\"2\"")
            #expect(Self.set(arrived.json) == Self.set(try await client.get(path).json))
            // An instant with an offset, within the minute a desk stamp may lie ahead of the clock.
            let offset = ISO8601DateFormatter()
            offset.timeZone = TimeZone(secondsFromGMT: 3_600)
            let at = offset.string(from: Date().addingTimeInterval(30))
            let left = try await client.post(path + "/check-out", ["at": at])
            #expect(left.status == 200 && left["check_out"] as? String == InstantFormat.string(from: offset.date(from: at)!))
            #expect(Self.set(left.json) == Self.set(try await client.get(path).json))
        }
    }

    /// A scan's visit is the checkin as read, plus its member's statistics as their attendance reads them.
    @Test(arguments: Backend.enabled)
    func aScanAnswersAsTheReadsDo(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let gym = try await client.post("/api/v1/locations", ["name": "Gym", "timezone": "Asia/Tokyo"])
            _ = try await client.post("/api/v1/resources", [
                "location_id": gym.id, "name": "Floor", "kind": "gym", "capacity": 80, "rate_amount": 0, "rate_unit": "session",
            ])
            _ = try await client.patch("/api/v1/attendance/settings", ["scan_debounce_seconds": 0])
            let member = try await client.post("/api/v1/members", ["name": "Ada", "type": "member"])
            _ = try await client.post("/api/v1/members/\(member.id)/codes", ["value": "BADGE-7", "kind": "badge"])
            for (step, total) in [("check_in", 1), ("check_out", 1), ("check_in", 2)] {
                let scanned = try await client.post("/api/v1/scan", ["code": "BADGE-7", "location_id": gym.id, "device": "door"])
                #expect(scanned.status == 200 && scanned["step"] as? String == step)
                #expect(scanned.headers[.contentType] == "application/json; charset=utf-8")
                var visit = try #require(scanned["checkin"] as? [String: Any])
                let stats = try #require(visit.removeValue(forKey: "member_stats") as? [String: Int])
                #expect(Self.set(visit) == Self.set(try await client.get("/api/v1/checkins/\(visit["id"] as? String ?? "")").json))
                let attendance = try await client.get("/api/v1/members/\(member.id)/attendance")
                #expect(stats == ["total_visits", "visits_this_month", "current_streak", "longest_streak"].reduce(into: [:]) {
                    $0[$1] = attendance[$1] as? Int
                })
                #expect(stats["total_visits"] == total)
            }
            let wrongType = try await client.request(.post, "/api/v1/scan", raw: "code=BADGE-7", headers: ["Content-Type": "text/plain"])
            #expect(wrongType.status == 400 && wrongType.code == "malformed_request")
            let unreadable = try await client.request(.post, "/api/v1/scan", raw: "{\"code\": 7}")
            #expect(unreadable.status == 400 && unreadable.code == "malformed_request")
        }
    }

    @Test(arguments: Backend.enabled)
    func unreadableBodiesAreProblems(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let created = try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[0]])
            let badInstant = try await client.post("/api/v1/checkins/\(created.id)/check-in", ["at": "tomorrow"])
            #expect(badInstant.status == 400 && badInstant.code == "malformed_request")
            let noMember = try await client.post("/api/v1/bookings", ["resource_ids": catalog.roomIDs])
            #expect(noMember.status == 422 && (noMember["errors"] as? [[String: Any]])?.first?["field"] as? String == "member_id")
            let unknown = try await client.post("/api/v1/checkins/not-an-id/check-out")
            #expect(unknown.status == 400 && unknown.code == "malformed_request")
            #expect(try await client.get("/api/v1/checkins/\(created.id)")["state"] as? String == "pending")
            #expect((try await client.get("/api/v1/bookings").json["items"] as? [Any])?.isEmpty == true)
        }
    }

    /// A JSON object as a set of key-value descriptions, where null is the same as left out.
    private static func set(_ object: [String: Any]) -> Set<String> {
        Set(object.compactMap { key, value in value is NSNull ? nil : "\(key)=\(canonical(value))" })
    }

    private static func canonical(_ value: Any) -> String {
        switch value {
        case let object as [String: Any]: "{" + set(object).sorted().joined(separator: ",") + "}"
        case let array as [Any]: "[" + array.map(canonical).joined(separator: ",") + "]"
        default: "\(value)"
        }
    }
}
