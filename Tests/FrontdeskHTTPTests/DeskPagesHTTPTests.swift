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
}
