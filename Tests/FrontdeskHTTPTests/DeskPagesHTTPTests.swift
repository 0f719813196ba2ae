import Foundation
import FrontdeskCore
import FrontdeskTestSupport
import HTTPTypes
import Testing

/// The web desk's pages through the router: a signed-out browser is sent to the sign-in form, a
/// signed-in one sees its location's day, and a refusal is a page, never JSON.
@Suite struct DeskPagesHTTPTests {
    @Test(arguments: Backend.enabled)
    func theDeskShowsTheDayToASignedInPerson(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let browser = client.with(key: nil)
            let home = try await browser.get("/")
            #expect(home.status == 303 && home.headers[.location] == "/sign-in")
            #expect(try await browser.get("/today").headers[.location] == "/sign-in")
            let form = try await browser.get("/sign-in")
            #expect(form.status == 200 && form.text.contains("data-api=\"/api/v1/sessions\""))
            #expect(try await browser.get("/desk/desk.js").headers[.contentType]?.hasPrefix("text/javascript") == true)

            let catalog = try await Catalog.make(client)
            // Started an hour ago, not yet arrived: an arrival of today at any hour (no sweeper runs here).
            let starts = Date().addingTimeInterval(-3_600), ends = Date().addingTimeInterval(7_200)
            let arriving = try await catalog.book(client, from: InstantFormat.string(from: starts), to: InstantFormat.string(from: ends))
            _ = try await client.post("/api/v1/users", ["email": "desk@example.com", "name": "Desk <Lin>", "role": "front_desk",
                                                        "password": "correct horse battery"])
            let token = try #require(try await browser.post("/api/v1/sessions", [
                "email": "desk@example.com", "password": "correct horse battery",
            ])["token"] as? String)
            let cookie = ["Cookie": "frontdesk_session=\(token)"]
            #expect(try await browser.request(.get, "/", headers: cookie).headers[.location] == "/today")
            let today = try await browser.request(.get, "/today", headers: cookie)
            #expect(today.status == 200 && today.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(today.text.contains("id=\"booking-\(arriving["number"] as? String ?? "")\""))
            #expect(today.text.contains("data-path=\"/api/v1/bookings/\(arriving.id)/check-in\""))
            #expect(today.text.contains("Desk &lt;Lin&gt;") && !today.text.contains("Desk <Lin>"))
            #expect(today.text.contains("/api/v1/events/stream?after="))

            let bad = try await browser.request(.get, "/today?location=nowhere", headers: cookie)
            #expect(bad.status == 400 && bad.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(bad.text.contains("role=\"alert\""))
            let missing = try await browser.request(.get, "/today?location=\(UUID().uuidString)", headers: cookie)
            #expect(missing.status == 404 && missing.text.contains("No location with id"))
            #expect(try await browser.get("/invite/fdi_x").text.contains("name=\"token\" value=\"fdi_x\""))
        }
    }

    /// The desk's other pages, as a signed-in person reads them: bookings found by their guest, what
    /// is free for new dates, the week's calendar, and who is in.
    @Test(arguments: Backend.enabled)
    func theDesksOtherPagesShowWhatIsStored(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let booked = try await catalog.book(client, from: "2030-03-01T14:00:00Z", to: "2030-03-03T11:00:00Z")
            let number = try #require(booked["number"] as? String)
            _ = try await client.post("/api/v1/users", ["email": "desk@example.com", "name": "Desk", "role": "front_desk",
                                                        "password": "correct horse battery"])
            let browser = client.with(key: nil)
            let token = try #require(try await browser.post("/api/v1/sessions", [
                "email": "desk@example.com", "password": "correct horse battery",
            ])["token"] as? String)
            let cookie = ["Cookie": "frontdesk_session=\(token)"]
            func page(_ path: String) async throws -> TestResponse { try await browser.request(.get, path, headers: cookie) }

            let byGuest = try await page("/bookings?number=priya")
            #expect(byGuest.status == 200 && byGuest.text.contains("href=\"/bookings/\(number)\""))
            #expect(try await page("/bookings?number=nobody+at+all").text.contains("No booking of a guest or a resource"))
            #expect(try await page("/bookings?number=\(number.lowercased())").headers[.location] == "/bookings/\(number)")

            let taken = try await page("/bookings/new?location=\(catalog.locationID)&from=2030-03-01&to=2030-03-02")
            #expect(taken.status == 200 && taken.text.contains("value=\"\(catalog.roomIDs[1])\" data-list"))
            #expect(!taken.text.contains("value=\"\(catalog.roomIDs[0])\" data-list") && taken.text.contains(">\(number)</a>"))
            #expect(try await page("/bookings/new?location=\(catalog.locationID)&from=2030-03-02&to=2030-03-01").status == 422)

            let week = try await page("/calendar?location=\(catalog.locationID)&from=2030-02-27")
            #expect(week.status == 200 && week.text.contains("grid-column: 4 / span 3\" href=\"/bookings/\(number)\""))
            #expect(!(try await page("/calendar?location=\(catalog.locationID)&from=2030-03-10")).text.contains("cal-bar"))
            #expect(try await page("/calendar?from=someday").status == 400)

            let walkIn = try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[1], "member_id": catalog.memberID,
                                                                   "check_in": "now"])
            #expect(walkIn.status == 201)
            let board = try await page("/occupancy?location=\(catalog.locationID)")
            #expect(board.status == 200 && board.text.contains("Priya Mehta") && board.text.contains("1 in now"))
        }
    }

    /// Reports (with their CSV), settings, attendance, a member's page and the corrections queue,
    /// as an owner signed in reads them.
    @Test(arguments: Backend.enabled)
    func theBackOfficePagesShowWhatIsStored(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let gym = try await client.post("/api/v1/locations", ["name": "Gym", "timezone": "UTC"])
            let floor = try await client.post("/api/v1/resources", [
                "location_id": gym.id, "name": "Floor", "kind": "gym", "capacity": 80, "rate_amount": 0, "rate_unit": "session",
            ])
            let member = try await client.post("/api/v1/members", ["name": "Ada Lovelace", "type": "member"])
            _ = try await client.post("/api/v1/checkins", ["resource_id": floor.id, "member_id": member.id, "check_in": "now"])
            let correction = try await client.post("/api/v1/attendance/corrections", [
                "type": "add_missing_attendance", "member_id": member.id, "resource_id": floor.id,
                "check_in": "2026-01-05T09:00:00Z", "check_out": "2026-01-05T17:00:00Z", "reason": "scanner was down",
            ])
            _ = try await client.post("/api/v1/users", ["email": "boss@example.com", "name": "Boss", "role": "owner",
                                                        "password": "correct horse battery"])
            let browser = client.with(key: nil)
            let token = try #require(try await browser.post("/api/v1/sessions", [
                "email": "boss@example.com", "password": "correct horse battery",
            ])["token"] as? String)
            func page(_ path: String) async throws -> TestResponse {
                try await browser.request(.get, path, headers: ["Cookie": "frontdesk_session=\(token)"])
            }
            let today = InstantFormat.string(from: Date()).prefix(10)

            let reports = try await page("/reports?location=\(gym.id)&from=\(today)&to=\(today)")
            #expect(reports.status == 200 && reports.text.contains("<th scope=\"row\">Floor</th>"))
            #expect(reports.text.contains("href=\"/reports/activity.csv?location=\(gym.id)&amp;from=\(today)&amp;to=\(today)\""))
            let csv = try await page("/reports/activity.csv?location=\(gym.id)&from=\(today)&to=\(today)")
            #expect(csv.status == 200 && csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"activity-\(today)-\(today).csv\"")
            #expect(csv.text.hasPrefix("scope,id,name,booked_minutes") && csv.text.contains("resource,\(floor.id),Floor,"))
            #expect(try await page("/reports/takings.csv?location=\(gym.id)").text.hasPrefix("day,location_id,method"))
            #expect(try await page("/reports/other.csv").status == 404)
            #expect(try await page("/reports?location=\(gym.id)&from=2026-02-30").status == 400)

            let settings = try await page("/settings")
            #expect(settings.status == 200 && settings.text.contains("<td>Gym</td>") && settings.text.contains("boss@example.com"))
            #expect(settings.text.contains("id=\"new-user\"") && settings.text.contains("id=\"new-key\""))

            let attendance = try await page("/attendance?location=\(gym.id)&from=\(today)&to=\(today)")
            #expect(attendance.status == 200 && attendance.text.contains("1 visits · 1 members"))
            #expect(attendance.text.contains("href=\"/members/\(member.id)\""))
            let ada = try await page("/members/\(member.id)")
            #expect(ada.status == 200 && ada.text.contains("<dt>Visits</dt><dd>1</dd>"))
            #expect(try await page("/members/\(UUID().uuidString)").status == 404)

            let queue = try await page("/corrections")
            #expect(queue.status == 200 && queue.text.contains("id=\"correction-\(correction.id)\""))
            #expect(queue.text.contains("data-path=\"/api/v1/attendance/corrections/\(correction.id)/approve\""))
        }
    }
}
