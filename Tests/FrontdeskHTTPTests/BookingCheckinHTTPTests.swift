import Foundation
import FrontdeskCore
import FrontdeskTestSupport
import HTTPTypes
import Testing

/// Through the real router, the hot check-in and check-out routes of a checkin move its booking's
/// line; what the booking cannot follow is a 409 with its code.
@Suite struct BookingCheckinHTTPTests {
    @Test(arguments: Backend.enabled)
    func aLinkedCheckinsCallsMoveItsBooking(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            // A stay that began an hour ago, so the desk may check it in now.
            let from = InstantFormat.string(from: Date().addingTimeInterval(-3_600))
            let to = InstantFormat.string(from: Date().addingTimeInterval(86_400))
            let booking = try await client.post("/api/v1/bookings", [
                "member_id": catalog.memberID, "resource_ids": catalog.roomIDs, "starts_at": from, "ends_at": to,
            ])
            #expect(booking.status == 201)
            var visits: [String] = []
            for room in catalog.roomIDs {
                let visit = try await client.post("/api/v1/checkins", ["resource_id": room, "booking_id": booking.id])
                #expect(visit.status == 201)
                visits.append(visit.id)
            }
            let path = "/api/v1/bookings/\(booking.id)"

            #expect(try await client.post("/api/v1/checkins/\(visits[0])/check-in").status == 200)
            var read = try await client.get(path)
            #expect(read["status"] as? String == "checked_in")
            let arrived = try await client.get("/api/v1/checkins/\(visits[0])")
            let lines = try #require(read["lines"] as? [[String: Any]])
            #expect(lines[0]["state"] as? String == "occupied" && lines[0]["checked_in_at"] as? String == arrived["check_in"] as? String)

            #expect(try await client.patch("/api/v1/checkins/\(visits[1])", ["check_in": from]).status == 200)
            #expect(try await client.post("/api/v1/checkins/\(visits[0])/check-out").status == 200)
            read = try await client.get(path)
            #expect(read["status"] as? String == "checked_in")
            #expect(try await client.post("/api/v1/checkins/\(visits[1])/check-out").status == 200)
            read = try await client.get(path)
            #expect(read["status"] as? String == "completed")

            let events = try await client.get("/api/v1/events?after=0&limit=100")
            let types = events.items.compactMap { $0["entity_type"] as? String == "booking" ? $0["type"] as? String : nil }
            #expect(types == ["booking_created", "booking_checked_in", "booking_line_checked_in", "booking_line_checked_out",
                              "booking_completed"])
            let lineEvent = try #require(events.items.first { $0["type"] as? String == "booking_line_checked_out" })
            let data = try #require(lineEvent["data"] as? [String: Any])
            #expect((data["line"] as? [String: Any])?["resource_id"] as? String == catalog.roomIDs[0])
            #expect(data["number"] as? String == booking["number"] as? String)

            // Cancelled after all: its visits cannot begin or be undone any more.
            let other = try await client.post("/api/v1/bookings", [
                "member_id": catalog.memberID, "resource_ids": [catalog.roomIDs[0]], "starts_at": to,
                "ends_at": InstantFormat.string(from: Date().addingTimeInterval(2 * 86_400)),
            ])
            let visit = try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[0], "booking_id": other.id])
            #expect(try await client.post("/api/v1/bookings/\(other.id)/cancel", ["reason": "plans changed"]).status == 200)
            let refused = try await client.post("/api/v1/checkins/\(visit.id)/check-in")
            #expect(refused.status == 409 && refused.code == "booking_line_released")
            #expect(refused.headers[.contentType] == "application/problem+json")
            #expect(try await client.get("/api/v1/checkins/\(visit.id)")["state"] as? String == "pending")
        }
    }
}
