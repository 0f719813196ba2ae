import Foundation
import FrontdeskAPI
import FrontdeskCore
import HTTPTypes
import Testing

@Suite struct BookingHTTPTests {
    @Test func createsANumberedPricedBooking() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let booking = try await client.post("/api/v1/bookings", [
                "member_id": catalog.memberID, "resource_ids": catalog.roomIDs,
                "check_in": "2030-03-01", "check_out": "2030-03-04", "source": "phone", "notes": "Late arrival",
            ])
            #expect(booking.status == 201)
            #expect(booking["number"] as? String == "BK-\(Calendar.current.component(.year, from: Date()))-0001")
            #expect(booking["status"] as? String == "confirmed")
            #expect(booking["total_amount"] as? Int == 2 * 3 * 10_000)
            #expect(booking["currency"] as? String == "USD")
            #expect(booking["version"] as? Int == 1)
            #expect(booking.headers[.eTag] == "\"1\"")
            // 14:00 and 11:00 in Paris (UTC+1 in March).
            #expect(booking["starts_at"] as? String == "2030-03-01T13:00:00.000Z")
            #expect(booking["ends_at"] as? String == "2030-03-04T10:00:00.000Z")
            let lines = try #require(booking["lines"] as? [[String: Any]])
            #expect(lines.count == 2)
            #expect(lines.allSatisfy { $0["state"] as? String == "reserved" && $0["amount"] as? Int == 30_000 })

            let byNumber = try await client.get("/api/v1/bookings/\(booking["number"] as! String)")
            #expect(byNumber.id == booking.id)
            #expect(try await client.get("/api/v1/bookings/\(booking.id)").status == 200)
        }
    }

    @Test func conflictIs409WithTheBookingsInTheWayAndWritesNothing() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let first = try await catalog.book(client)
            let conflict = try await client.post("/api/v1/bookings", [
                "member_id": catalog.memberID, "starts_at": "2030-03-02T10:00:00Z", "ends_at": "2030-03-05T10:00:00Z",
                "lines": [["resource_id": catalog.roomIDs[1]], ["resource_id": catalog.roomIDs[0]]],
            ])
            #expect(conflict.status == 409)
            #expect(conflict.code == "booking_conflict")
            let conflicts = try #require(conflict["conflicts"] as? [[String: Any]])
            #expect(conflicts.count == 1)
            #expect(conflicts[0]["resource_id"] as? String == catalog.roomIDs[0])
            #expect(conflicts[0]["booking_numbers"] as? [String] == [first["number"] as! String])
            #expect(try await client.get("/api/v1/bookings").items.count == 1)
            #expect(try await client.get("/api/v1/events").items.map { $0["type"] as? String }
                == ["booking_created", "invoice_created"])
            // Touching windows do not overlap: the next stay starts as the first ends.
            let next = try await catalog.book(client, from: "2030-03-03T11:00:00Z", to: "2030-03-04T11:00:00Z")
            #expect(next.status == 201)
            #expect((next["number"] as? String)?.hasSuffix("-0002") == true)
        }
    }

    @Test func availabilityShowsWhatIsFreeAndWhatIsInTheWay() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let booked = try await catalog.book(client, room: 1)
            let availability = try await client.get("/api/v1/availability?check_in=2030-03-01&check_out=2030-03-03")
            #expect(availability.status == 200)
            let available = try #require(availability["available"] as? [[String: Any]])
            let unavailable = try #require(availability["unavailable"] as? [[String: Any]])
            #expect(available.count == 1)
            #expect((available[0]["resource"] as? [String: Any])?["id"] as? String == catalog.roomIDs[0])
            #expect(available[0]["price"] as? Int == 20_000)
            #expect(available[0]["remaining_capacity"] as? Int == 1)
            #expect(unavailable.count == 1)
            #expect(unavailable[0]["booking_numbers"] as? [String] == [booked["number"] as! String])
            let missing = try await client.get("/api/v1/availability?check_in=2030-03-01")
            #expect(missing.status == 422)
            #expect(missing.code == "validation_failed")
            let unreadable = try await client.get("/api/v1/availability?starts_at=soon&ends_at=2030-03-02T00:00:00Z")
            #expect(unreadable.status == 400)
            #expect(unreadable.headers[.contentType] == "application/problem+json")
            let anonymous = try await client.with(key: nil).get("/api/v1/availability?check_in=2030-03-01&check_out=2030-03-03")
            #expect(anonymous.status == 401)
        }
    }

    /// The hand-written availability answer (`JSONWriter`) is what the API's schema describes:
    /// the generated types read it back whole.
    @Test func availabilityAnswersInTheSchemasShape() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let booked = try await catalog.book(client, room: 1)
            let answer = try await client.get(
                "/api/v1/availability?starts_at=2030-03-01T00:00:00Z&ends_at=2030-03-03T00:00:00Z&location_id=\(catalog.locationID)")
            #expect(answer.headers[.contentType] == "application/json; charset=utf-8")
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .custom { decoder in
                let text = try decoder.singleValueContainer().decode(String.self)
                guard let date = InstantFormat.date(from: text) else {
                    throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
                }
                return date
            }
            let availability = try decoder.decode(Components.Schemas.Availability.self, from: answer.body)
            #expect(availability.available.map(\.resource.id) == [catalog.roomIDs[0]])
            let organization = try await client.get("/api/v1/organization")
            #expect(availability.available[0].currency == organization["currency"] as? String)
            #expect(availability.available[0].startsAt == InstantFormat.date(from: "2030-03-01T00:00:00Z"))
            #expect(availability.unavailable.map(\.bookingNumbers) == [[booked["number"] as! String]])
            #expect(availability.unavailable[0].reason == .booked)
            #expect(availability.unavailable[0].resource.housekeeping == .clean)
        }
    }

    @Test func theDeskButtonsMoveABookingThroughItsLife() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            // A stay that has begun: a line opens on its first day, and desk stamps are not in the future.
            let booking = try await catalog.book(client, from: "2025-03-01T14:00:00Z", to: "2025-03-03T11:00:00Z")
            let path = "/api/v1/bookings/\(booking.id)"

            let checkedIn = try await client.post(path + "/check-in", ["at": "2025-03-01T15:00:00Z"])
            #expect(checkedIn.status == 200)
            #expect(checkedIn["status"] as? String == "checked_in")
            let line = try #require((checkedIn["lines"] as? [[String: Any]])?.first)
            #expect(line["state"] as? String == "occupied")
            #expect(line["checked_in_at"] as? String == "2025-03-01T15:00:00.000Z")

            let illegal = try await client.post(path + "/confirm")
            #expect(illegal.status == 409)
            #expect(illegal.code == "invalid_transition")
            #expect(illegal["allowed"] as? [String] == ["active", "completed", "cancelled"])

            let stale = try await client.post(path + "/start", headers: ["If-Match": "\"1\""])
            #expect(stale.status == 412)
            let started = try await client.post(path + "/start", headers: ["If-Match": "\"2\""])
            #expect(started["status"] as? String == "active")
            #expect(started["actual_start_at"] != nil)

            let done = try await client.post(path + "/check-out", ["at": "2025-03-03T10:30:00Z"])
            #expect(done["status"] as? String == "completed")
            #expect(done["actual_end_at"] as? String == "2025-03-03T10:30:00.000Z")
            #expect(done["version"] as? Int == 4)

            let audit = try await client.get(path + "/audit")
            #expect(audit.items.map { $0["action"] as? String } == ["create", "check_in", "start", "check_out"])
            #expect((audit.items[1]["actor"] as? [String: Any])?["name"] as? String == "owner")
            #expect((audit.items[1]["before"] as? [String: Any])?["status"] as? String == "confirmed")
            #expect((audit.items[1]["after"] as? [String: Any])?["status"] as? String == "checked_in")

            let events = try await client.get("/api/v1/events?after=0")
            #expect(events.items.map { $0["type"] as? String }
                == ["booking_created", "invoice_created", "booking_checked_in", "checkin_created", "checkin_started",
                    "booking_started", "booking_completed", "checkout_started", "checkout_completed", "invoice_finalized"])
            #expect(events.items.map { $0["sequence"] as? Int } == Array(1...10))
            #expect(try await client.get("/api/v1/events?after=3").items.count == 7)
        }
    }

    @Test func patchStatusIsTheSameMoveWithTheSameStamps() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let walkIn = try await catalog.book(client, from: "2025-03-01T14:00:00Z", to: "2025-03-03T11:00:00Z",
                                                extra: ["status": "active", "source": "walk_in"])
            #expect(walkIn["status"] as? String == "active")
            #expect(walkIn["actual_start_at"] != nil)
            let completed = try await client.patch("/api/v1/bookings/\(walkIn.id)", ["status": "completed"])
            #expect(completed.status == 200)
            #expect(completed["actual_end_at"] != nil)
            let backwards = try await client.patch("/api/v1/bookings/\(walkIn.id)", ["status": "confirmed"])
            #expect(backwards.status == 409)
            #expect(backwards["allowed"] as? [String] == [])
            let notes = try await client.patch("/api/v1/bookings/\(walkIn.id)", ["notes": "Left a helmet"])
            #expect(notes["notes"] as? String == "Left a helmet")
            #expect(notes["version"] as? Int == 3)
        }
    }

    @Test func cancelReleasesAndOnlyDeadBookingsAreDeleted() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let booking = try await catalog.book(client)
            let refused = try await client.delete("/api/v1/bookings/\(booking.id)")
            #expect(refused.status == 409)
            #expect(refused.code == "booking_not_deletable")
            let cancelled = try await client.post("/api/v1/bookings/\(booking.id)/cancel", ["reason": "Guest asked"])
            #expect(cancelled["status"] as? String == "cancelled")
            #expect(cancelled["cancellation_reason"] as? String == "Guest asked")
            #expect(try await catalog.book(client).status == 201)
            #expect(try await client.delete("/api/v1/bookings/\(booking.id)").status == 204)
            #expect(try await client.get("/api/v1/bookings/\(booking.id)").status == 404)
            let events = try await client.get("/api/v1/events")
            #expect(events.items.last?["type"] as? String == "booking_deleted")
        }
    }

    @Test func listsFilterByStatusMemberResourceAndWindow() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let a = try await catalog.book(client, room: 0)
            let b = try await catalog.book(client, room: 1, from: "2030-04-01T14:00:00Z", to: "2030-04-02T11:00:00Z")
            _ = try await client.post("/api/v1/bookings/\(b.id)/cancel")
            #expect(try await client.get("/api/v1/bookings?status=cancelled").items.map { $0["id"] as? String } == [b.id])
            #expect(try await client.get("/api/v1/bookings?status=cancelled&status=confirmed").items.count == 2)
            #expect(try await client.get("/api/v1/bookings?resource_id=\(catalog.roomIDs[0])").items.map { $0["id"] as? String } == [a.id])
            #expect(try await client.get("/api/v1/bookings?member_id=\(catalog.memberID)").items.count == 2)
            #expect(try await client.get("/api/v1/bookings?location_id=\(catalog.locationID)").items.count == 2)
            let march = try await client.get("/api/v1/bookings?from=2030-03-02T00:00:00Z&to=2030-03-10T00:00:00Z")
            #expect(march.items.map { $0["id"] as? String } == [a.id])
            #expect(try await client.get("/api/v1/bookings?status=bogus").status == 400)
        }
    }
}
