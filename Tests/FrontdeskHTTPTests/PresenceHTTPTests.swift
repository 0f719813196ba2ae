import Foundation
import FrontdeskTestSupport
import HTTPTypes
import Testing

/// Who is really there holds the room, and desk times make sense, through the API: the problems
/// and their details, the overdue mark and the booking's revert.
@Suite struct PresenceHTTPTests {
    /// A stay that has begun and ended: checked in, its line is overdue.
    static let past = (from: "2025-03-01T14:00:00Z", to: "2025-03-03T11:00:00Z")

    @Test(arguments: Backend.enabled)
    func anOverstayIsOverdueAndASecondVisitIsResourceOccupied(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let stay = try await catalog.book(client, from: Self.past.from, to: Self.past.to)
            #expect(try await client.post("/api/v1/bookings/\(stay.id)/check-in", ["at": "2025-03-01T15:00:00Z"]).status == 200)
            let read = try await client.get("/api/v1/bookings/\(stay.id)")
            #expect((read["lines"] as? [[String: Any]])?.first?["overdue"] as? Bool == true)
            let listed = try await client.get("/api/v1/bookings")
            #expect((listed.items.first?["lines"] as? [[String: Any]])?.first?["overdue"] as? Bool == true)

            let availability = try await client.get("/api/v1/availability?check_in=2030-03-01&check_out=2030-03-03")
            let unavailable = try #require(availability["unavailable"] as? [[String: Any]])
            #expect(unavailable.map { $0["booking_numbers"] as? [String] } == [[stay["number"] as! String]])
            let conflict = try await catalog.book(client)
            #expect(conflict.status == 409 && conflict.code == "booking_conflict")
            #expect((conflict["conflicts"] as? [[String: Any]])?.first?["resource_name"] as? String == "Room 101")

            let visit = try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[0]])
            let occupied = try await client.post("/api/v1/checkins/\(visit.id)/check-in")
            #expect(occupied.status == 409 && occupied.code == "resource_occupied")
            #expect(occupied["resource_id"] as? String == catalog.roomIDs[0] && occupied["resource_name"] as? String == "Room 101")
            let inHouse = try await client.get("/api/v1/checkins?booking_id=\(stay.id)").items
            #expect(occupied["checkin_ids"] as? [String] == inHouse.map { $0["id"] as? String ?? "" })
            #expect(occupied["booking_numbers"] as? [String] == [stay["number"] as! String])
            #expect(try await client.get("/api/v1/checkins/\(visit.id)")["state"] as? String == "pending")
        }
    }

    @Test func deskTimesMakeSense() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            // Paris: 2030-03-01 begins at 2030-02-28T23:00Z.
            let future = try await catalog.book(client)
            let early = try await client.post("/api/v1/bookings/\(future.id)/check-in")
            #expect(early.status == 409 && early.code == "too_early")
            #expect(early["opens_at"] as? String == "2030-02-28T23:00:00.000Z")
            #expect(early["line_id"] as? String == (future["lines"] as? [[String: Any]])?.first?["id"] as? String)

            let visit = try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[1]])
            let ahead = try await client.post("/api/v1/checkins/\(visit.id)/check-in", ["at": "2030-03-01T10:00:00Z"])
            #expect(ahead.status == 422 && (ahead["errors"] as? [[String: Any]])?.first?["field"] as? String == "at")

            let stay = try await catalog.book(client, room: 1, from: Self.past.from, to: Self.past.to)
            #expect(try await client.post("/api/v1/bookings/\(stay.id)/check-in", ["at": "2025-03-01T15:00:00Z"]).status == 200)
            let backwards = try await client.post("/api/v1/bookings/\(stay.id)/check-out", ["at": "2025-03-01T14:59:59Z"])
            #expect(backwards.status == 422 && (backwards["errors"] as? [[String: Any]])?.first?["field"] as? String == "at")

            let twice = try await client.post("/api/v1/bookings", [
                "member_id": catalog.memberID, "starts_at": "2030-04-01T10:00:00Z", "ends_at": "2030-04-02T10:00:00Z",
                "lines": [["resource_id": catalog.roomIDs[0]], ["resource_id": catalog.roomIDs[0]]],
            ])
            #expect(twice.status == 422 && twice.code == "validation_failed")
            #expect((twice["errors"] as? [[String: Any]])?.first?["field"] as? String == "lines[1].resource_id")
            #expect(twice.text.contains(catalog.roomIDs[0]))
        }
    }

    @Test(arguments: Backend.enabled)
    func aBookingsCheckInIsRevertedWithAReason(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let stay = try await catalog.book(client, from: Self.past.from, to: Self.past.to)
            let path = "/api/v1/bookings/\(stay.id)"
            #expect(try await client.post(path + "/revert", ["reason": "oops"]).code == "nothing_to_revert")
            let checkedIn = try await client.post(path + "/check-in", ["at": "2025-03-01T15:00:00Z"])
            #expect(checkedIn.status == 200)

            #expect(try await client.post(path + "/revert").status == 400)
            #expect(try await client.post(path + "/revert", ["reason": " "]).status == 422)
            let stranger = try await client.post(path + "/revert", ["reason": "oops", "line_ids": [catalog.roomIDs[0]]])
            #expect(stranger.status == 422 && stranger.code == "validation_failed")
            #expect(try await client.post(path + "/revert", ["reason": "oops"], headers: ["If-Match": "\"1\""]).status == 412)

            let reverted = try await client.post(path + "/revert", ["reason": "wrong guest"], headers: ["If-Match": "\"2\""])
            #expect(reverted.status == 200 && reverted["status"] as? String == "confirmed")
            #expect(reverted.headers[.eTag] == "\"3\"")
            let line = try #require((reverted["lines"] as? [[String: Any]])?.first)
            #expect(line["state"] as? String == "reserved" && line["checked_in_at"] == nil && line["overdue"] == nil)
            #expect(try await client.get("/api/v1/checkins?booking_id=\(stay.id)").items.map { $0["state"] as? String } == ["pending"])

            let audit = try await client.get(path + "/audit")
            #expect(audit.items.last?["action"] as? String == "revert" && audit.items.last?["reason"] as? String == "wrong guest")
            let events = try await client.get("/api/v1/events?after=0").items.map { $0["type"] as? String }
            #expect(events.suffix(2) == ["booking_updated", "checkin_updated"])
        }
    }

    private static func lineID(_ booking: TestResponse, _ index: Int) throws -> String {
        try #require((booking["lines"] as? [[String: Any]])?[index]["id"] as? String)
    }

    /// Rooms named by their resources, at check-in and at revert; a room the booking does not hold is a 422.
    @Test(arguments: Backend.enabled)
    func roomsAreNamedByTheirResources(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let stay = try await catalog.book(client, from: Self.past.from, to: Self.past.to,
                                              extra: ["resource_ids": catalog.roomIDs])
            let path = "/api/v1/bookings/\(stay.id)"
            let other = try await client.post("/api/v1/resources", [
                "location_id": catalog.locationID, "name": "Annex", "kind": "room", "capacity": 1, "rate_amount": 100, "rate_unit": "night",
            ])
            for body: [String: Any] in [["resource_ids": [other.id]], ["resource_ids": []],
                                        ["resource_ids": [catalog.roomIDs[1]], "line_ids": [try Self.lineID(stay, 0)]]] {
                let refused = try await client.post(path + "/check-in", body)
                #expect(refused.status == 422 && refused.code == "validation_failed", "\(body)")
                #expect((refused["errors"] as? [[String: Any]])?.first?["field"] as? String == "resource_ids")
            }
            #expect(try await client.post(path + "/check-in", ["resource_ids": ["room-2"]]).status == 400)

            let second = try await client.post(path + "/check-in", ["resource_ids": [catalog.roomIDs[1]], "at": "2025-03-01T15:00:00Z"])
            #expect(second.status == 200 && second["status"] as? String == "checked_in")
            #expect((second["lines"] as? [[String: Any]])?.map { $0["state"] as? String } == ["reserved", "occupied"])
            let undone = try await client.post(path + "/revert", ["reason": "wrong room", "resource_ids": [catalog.roomIDs[1]]])
            #expect(undone.status == 200 && undone["status"] as? String == "confirmed")
        }
    }
}
