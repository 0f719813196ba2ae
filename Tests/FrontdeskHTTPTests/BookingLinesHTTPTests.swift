import Foundation
import FrontdeskTestSupport
import HTTPTypes
import Testing

/// A booking's lines and member changed at the desk, through the API: dates read at the hotel's
/// desk times, versions honoured, bad input refused.
@Suite struct BookingLinesHTTPTests {
    @Test(arguments: Backend.enabled)
    func aStayGainsARoomIsExtendedAndGivenToAnotherGuest(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client, rooms: 3)
            let stay = try await client.post("/api/v1/bookings", [
                "member_id": catalog.memberID, "resource_ids": [catalog.roomIDs[0]], "check_in": "2030-03-01", "check_out": "2030-03-03",
            ])
            let path = "/api/v1/bookings/\(stay.id)"
            let first = try #require((stay["lines"] as? [[String: Any]])?.first)

            let added = try await client.post(path + "/lines", ["resource_id": catalog.roomIDs[1]])
            #expect(added.status == 201 && added.headers[.eTag] == "\"2\"")
            let line = try #require((added["lines"] as? [[String: Any]])?.last)
            #expect(line["starts_at"] as? String == first["starts_at"] as? String && line["amount"] as? Int == 20_000)
            // What a desk screen shows, without another call.
            #expect(added["member_name"] as? String == "Priya Mehta")
            #expect(first["check_in"] as? String == "2030-03-01" && first["check_out"] as? String == "2030-03-03")
            #expect(line["check_in"] as? String == "2030-03-01" && line["check_out"] as? String == "2030-03-03")
            #expect(line["resource_name"] as? String == "Room 102" && line["resource_category"] as? String == "suite")
            let lineID = try #require(line["id"] as? String)
            let dated = try await client.post(path + "/lines", [
                "resource_id": catalog.roomIDs[2], "check_in": "2030-03-02", "check_out": "2030-03-03",
            ])
            let third = try #require((dated["lines"] as? [[String: Any]])?.last)
            #expect(dated.status == 201 && (third["starts_at"] as? String)?.hasPrefix("2030-03-02T13:00:00") == true)

            let longer = try await client.patch(path + "/lines/\(lineID)", ["check_out": "2030-03-04"])
            let moved = try #require((longer["lines"] as? [[String: Any]])?.first { $0["id"] as? String == lineID })
            #expect(longer.status == 200 && (moved["ends_at"] as? String)?.hasPrefix("2030-03-04T10:00:00") == true)
            #expect(moved["amount"] as? Int == 30_000)
            #expect(moved["check_in"] as? String == "2030-03-01" && moved["check_out"] as? String == "2030-03-04")
            let byInstant = try await client.patch(path + "/lines/\(lineID)", ["ends_at": "2030-03-04T09:00:00Z"])
            let instant = try #require((byInstant["lines"] as? [[String: Any]])?.first { $0["id"] as? String == lineID })
            #expect(instant["check_in"] == nil && instant["check_out"] == nil)

            #expect(try await client.patch(path + "/lines/\(lineID)", [:]).status == 422)
            #expect(try await client.patch(path + "/lines/\(lineID)", ["check_out": "2030-02-30"]).status == 400)
            #expect(try await client.patch(path + "/lines/room-2", ["check_out": "2030-03-05"]).code == "malformed_request")
            #expect(try await client.delete(path + "/lines/\(UUID().uuidString)").code == "not_found")
            #expect(try await client.post(path + "/lines", ["resource_id": catalog.roomIDs[1]]).code == "validation_failed")
            let stale = try await client.request(.delete, path + "/lines/\(lineID)", headers: ["If-Match": "\"2\""])
            #expect(stale.status == 412)
            let removed = try await client.request(.delete, path + "/lines/\(lineID)", headers: ["If-Match": "\"5\""])
            #expect(removed.status == 200 && (removed["lines"] as? [Any])?.count == 2)

            let guest = try await client.post("/api/v1/members", ["name": "Lin Chen"])
            #expect(try await client.patch(path, ["member_id": guest.id, "notes": "VIP"]).status == 422)
            #expect(try await client.patch(path, ["member_id": UUID().uuidString]).code == "validation_failed")
            let given = try await client.patch(path, ["member_id": guest.id])
            #expect(given.status == 200 && given["member_id"] as? String == guest.id && given.headers[.eTag] == "\"7\"")
            #expect(given["member_name"] as? String == "Lin Chen")

            let events = try await client.get("/api/v1/events?after=0").items.filter { $0["entity_id"] as? String == stay.id }
            #expect(events.map { $0["type"] as? String } == ["booking_created", "booking_line_added", "booking_line_added",
                                                             "booking_line_changed", "booking_line_changed", "booking_line_removed",
                                                             "booking_member_changed"])
            #expect(((events[5]["data"] as? [String: Any])?["line"] as? [String: Any])?["id"] as? String == lineID)

            _ = try await client.post(path + "/cancel")
            #expect(try await client.post(path + "/lines", ["resource_id": catalog.roomIDs[1]]).code == "booking_closed")
        }
    }

    @Test(arguments: Backend.enabled)
    func aGuestIsMadeWithTheirBooking(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let window: [String: Any] = ["check_in": "2030-03-01", "check_out": "2030-03-03"]
            let booked = try await client.post("/api/v1/bookings", window.merging([
                "resource_ids": [catalog.roomIDs[0]], "member": ["name": "Lin Chen", "phone": "+44 20 7946 0000"],
            ]) { $1 })
            #expect(booked.status == 201)
            let guest = try await client.get("/api/v1/members/\(booked["member_id"] as? String ?? "")")
            #expect(guest["name"] as? String == "Lin Chen" && guest["phone"] as? String == "+44 20 7946 0000")

            let both = try await client.post("/api/v1/bookings", window.merging([
                "resource_ids": [catalog.roomIDs[1]], "member_id": catalog.memberID, "member": ["name": "Sam"],
            ]) { $1 })
            #expect(both.status == 422 && (both["errors"] as? [[String: Any]])?.first?["field"] as? String == "member_id")
            let blank = try await client.post("/api/v1/bookings", window.merging([
                "resource_ids": [catalog.roomIDs[1]], "member": ["name": "Sam", "email": "not an email"],
            ]) { $1 })
            #expect(blank.status == 422 && (blank["errors"] as? [[String: Any]])?.first?["field"] as? String == "member.email")
            #expect(try await client.get("/api/v1/members").items.count == 2)
        }
    }

    /// A bike shop's tiers through the API: kept, shown, pricing a rental and its extension; bad ones refused.
    @Test(arguments: Backend.enabled)
    func aRentalIsPricedByTheShopsTiers(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let shop = try await client.post("/api/v1/locations", ["name": "Bikes", "timezone": "UTC"])
            let tiers: [[String: Any]] = [["up_to_minutes": 180, "rate_amount": 500, "rate_unit": "hour"],
                                          ["up_to_minutes": 1_440, "rate_amount": 2_500, "rate_unit": "session"]]
            let bike = try await client.post("/api/v1/resources", [
                "location_id": shop.id, "name": "E-bike 7", "kind": "bike", "rate_amount": 2_000, "rate_unit": "day", "rate_tiers": tiers,
            ])
            #expect(bike.status == 201 && (bike["rate_tiers"] as? [[String: Any]])?.count == 2)
            #expect((try await client.get("/api/v1/resources/\(bike.id)")["rate_tiers"] as? [[String: Any]])?.last?["rate_amount"] as? Int == 2_500)
            let member = try await client.post("/api/v1/members", ["name": "Rider"])
            let rental = try await client.post("/api/v1/bookings", [
                "member_id": member.id, "resource_ids": [bike.id], "starts_at": "2030-05-01T10:00:00Z", "ends_at": "2030-05-01T12:00:00Z",
            ])
            #expect(rental["total_amount"] as? Int == 1_000)
            let line = try #require((rental["lines"] as? [[String: Any]])?.first?["id"] as? String)
            let longer = try await client.patch("/api/v1/bookings/\(rental.id)/lines/\(line)", ["ends_at": "2030-05-03T10:00:00Z"])
            #expect(longer["total_amount"] as? Int == 4_000)

            let unordered = try await client.patch("/api/v1/resources/\(bike.id)", ["rate_tiers": Array(tiers.reversed())])
            #expect(unordered.status == 422 && unordered.code == "validation_failed")
            let cleared = try await client.patch("/api/v1/resources/\(bike.id)", ["rate_tiers": []])
            #expect(cleared.status == 200 && cleared["rate_tiers"] == nil)
        }
    }
}
