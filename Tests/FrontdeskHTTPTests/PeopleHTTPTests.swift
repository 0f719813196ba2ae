import Foundation
import FrontdeskHTTP
import FrontdeskTestSupport
import HTTPTypes
import Testing

/// Users and sessions through the API: a sign-in's token and cookie, the cookie refused from
/// another site, signing out, invitations, and the throttle's `Retry-After`.
@Suite struct PeopleHTTPTests {
    static let password = "correct horse battery"

    @Test(arguments: Backend.enabled)
    func aPersonSignsInWorksWithTheCookieAndSignsOut(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let invited = try await client.post("/api/v1/users", ["email": "ada@example.com", "name": "Ada", "role": "front_desk"])
            #expect(invited.status == 201 && invited["status"] as? String == "invited")
            let link = try #require(invited["invite_url"] as? String)
            let token = String(try #require(link.split(separator: "/").last))
            #expect(link.contains("/invite/fdi_") && invited["password_hash"] == nil)
            #expect(try await client.post("/api/v1/users", ["email": "ada@example.com", "name": "Twin", "role": "viewer"]).code
                    == "email_taken")

            let anonymous = client.with(key: nil)
            let accepted = try await anonymous.post("/api/v1/invitations/accept", ["token": token, "password": Self.password])
            #expect(accepted.status == 201 && (accepted["user"] as? [String: Any])?["status"] as? String == "active")
            #expect(try await anonymous.post("/api/v1/invitations/accept", ["token": token, "password": Self.password]).status == 404)

            let signedIn = try await anonymous.post("/api/v1/sessions", ["email": "Ada@Example.com", "password": Self.password])
            let session = try #require(signedIn["token"] as? String)
            let cookie = try #require(signedIn.headers[.setCookie])
            #expect(signedIn.status == 201 && cookie.hasPrefix("frontdesk_session=\(session);"))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
            let behindTLS = try await anonymous.post("/api/v1/sessions", ["email": "ada@example.com", "password": Self.password],
                                                     headers: ["X-Forwarded-Proto": "https"])
            #expect(behindTLS.headers[.setCookie]?.hasSuffix("; Secure") == true)

            // The bearer token, or the cookie; a write with the cookie only from the desk's own pages.
            let person = client.with(key: session)
            let current = try await person.get("/api/v1/sessions/current")
            #expect(current.status == 200 && (current["user"] as? [String: Any])?["email"] as? String == "ada@example.com")
            let byCookie = ["Cookie": "frontdesk_session=\(session)"]
            #expect(try await anonymous.request(.get, "/api/v1/members", headers: byCookie).status == 200)
            let member: [String: Any] = ["name": "Grace"]
            let crossSite = try await anonymous.request(.post, "/api/v1/members", json: member,
                                                        headers: byCookie.merging(["Sec-Fetch-Site": "cross-site"]) { $1 })
            #expect(crossSite.status == 403 && crossSite.code == "cross_site_request")
            let foreign = try await anonymous.request(.post, "/api/v1/members", json: member,
                                                      headers: byCookie.merging(["Origin": "https://evil.example"]) { $1 })
            #expect(foreign.code == "cross_site_request")
            let sameSite = try await anonymous.request(.post, "/api/v1/members", json: member,
                                                       headers: byCookie.merging(["Sec-Fetch-Site": "same-origin"]) { $1 })
            #expect(sameSite.status == 201)
            // What the person books is audited with the person.
            let catalog = try await Catalog.make(client)
            let booked = try await catalog.book(person)
            let trail = try await client.get("/api/v1/bookings/\(booked.id)/audit")
            #expect((trail.items.first?["actor"] as? [String: Any])?["name"] as? String == "Ada")
            #expect((trail.items.first?["actor"] as? [String: Any])?["type"] as? String == "user")

            // A key has no session; signing out ends the token and clears the cookie.
            #expect(try await client.get("/api/v1/sessions/current").status == 404)
            #expect(try await person.get("/api/v1/users").code == "forbidden")
            let out = try await person.delete("/api/v1/sessions/current")
            #expect(out.status == 204 && out.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(try await person.get("/api/v1/members").status == 401)
            #expect(try await anonymous.request(.get, "/api/v1/members", headers: byCookie).status == 401)
        }
    }

    @Test(arguments: Backend.enabled)
    func usersAreListedChangedAndBadInputRefused(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let made = try await client.post("/api/v1/users", [
                "email": "lin@example.com", "name": "Lin", "role": "manager", "password": Self.password,
            ])
            #expect(made.status == 201 && made["invite_url"] == nil && made["status"] as? String == "active")
            #expect(try await client.post("/api/v1/users", ["email": "x@example.com", "name": "X", "role": "emperor"]).status == 400)
            #expect(try await client.post("/api/v1/users", ["email": "x@example.com", "name": "X", "role": "viewer",
                                                            "password": "short"]).status == 422)
            #expect(try await client.post("/api/v1/users", ["email": "x@example.com", "name": "X", "role": "viewer",
                                                            "location_ids": [UUID().uuidString]]).code == "validation_failed")
            #expect(try await client.get("/api/v1/users").items.map { $0["email"] as? String } == ["lin@example.com"])
            let renamed = try await client.patch("/api/v1/users/\(made.id)", ["name": "Lin Chen"])
            #expect(renamed.status == 200 && renamed["name"] as? String == "Lin Chen")
            #expect(try await client.patch("/api/v1/users/\(made.id)", [:]).status == 422)
            #expect(try await client.get("/api/v1/users/not-an-id").status == 400)
            #expect(try await client.delete("/api/v1/users/\(made.id)").status == 204)
            #expect(try await client.get("/api/v1/users/\(made.id)").status == 404)
        }
    }

    /// Another site cannot sign a browser in to an account of its choosing, unless CORS lets it in.
    @Test func aSignInFromAnotherSiteIsRefused() async throws {
        try await TestApp.run(.sqlite, configure: { $0.allowedOrigins = ["https://app.example"] }) { client, _ in
            _ = try await client.post("/api/v1/users", ["email": "sam@example.com", "name": "Sam", "role": "viewer",
                                                        "password": Self.password])
            let anonymous = client.with(key: nil)
            let credentials: [String: Any] = ["email": "sam@example.com", "password": Self.password]
            for headers in [["Sec-Fetch-Site": "cross-site"], ["Origin": "https://evil.example"]] {
                let refused = try await anonymous.request(.post, "/api/v1/sessions", json: credentials, headers: headers)
                #expect(refused.status == 403 && refused.code == "cross_site_request" && refused.headers[.setCookie] == nil)
            }
            let allowed = try await anonymous.request(.post, "/api/v1/sessions", json: credentials,
                                                      headers: ["Sec-Fetch-Site": "cross-site", "Origin": "https://app.example"])
            #expect(allowed.status == 201)
            let desk = try await anonymous.request(.post, "/api/v1/sessions", json: credentials,
                                                   headers: ["Sec-Fetch-Site": "same-origin"])
            #expect(desk.status == 201)
        }
    }

    /// A user limited to one location, through the API: the other's bookings are 404s and absent
    /// from lists, a filter naming both is narrowed, the audit log is refused.
    @Test(arguments: Backend.enabled)
    func aUserLimitedToALocationSeesOnlyIt(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let (here, there) = (try await Catalog.make(client), try await Catalog.make(client))
            let (mine, theirs) = (try await here.book(client), try await there.book(client))
            _ = try await client.post("/api/v1/users", ["email": "desk@example.com", "name": "Desk", "role": "front_desk",
                                                        "location_ids": [here.locationID], "password": Self.password])
            let signedIn = try await client.with(key: nil).post("/api/v1/sessions", ["email": "desk@example.com",
                                                                                     "password": Self.password])
            let desk = client.with(key: try #require(signedIn["token"] as? String))
            #expect(try await desk.get("/api/v1/bookings/\(mine.id)").status == 200)
            let hidden = try await desk.get("/api/v1/bookings/\(theirs.id)")
            #expect(hidden.status == 404 && hidden.code == "not_found")
            #expect(try await desk.get("/api/v1/bookings").items.map { $0["id"] as? String } == [mine.id])
            let both = try await desk.get("/api/v1/bookings?location_id=\(here.locationID),\(there.locationID)")
            #expect(both.items.map { $0["id"] as? String } == [mine.id])
            #expect(try await client.get("/api/v1/bookings?location_id=\(here.locationID),\(there.locationID)").items.count == 2)
            #expect(try await client.get("/api/v1/bookings?location_id=\(here.locationID),nope").status == 400)
            let many = Array(repeating: here.locationID, count: 101).joined(separator: ",")
            #expect(try await client.get("/api/v1/bookings?location_id=\(many)").code == "validation_failed")
            #expect(try await desk.get("/api/v1/resources/\(there.roomIDs[0])").status == 404)
            #expect(try await desk.post("/api/v1/bookings/\(theirs.id)/check-in", [:]).status == 404)
            #expect(try await client.get("/api/v1/bookings/\(theirs.id)")["status"] as? String == "confirmed")
        }
    }

    @Test func wrongPasswordsAreThrottledWithRetryAfter() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            _ = try await client.post("/api/v1/users", ["email": "sam@example.com", "name": "Sam", "role": "viewer",
                                                        "password": Self.password])
            let anonymous = client.with(key: nil)
            for _ in 0..<5 {
                let wrong = try await anonymous.post("/api/v1/sessions", ["email": "sam@example.com", "password": "wrong password"])
                #expect(wrong.status == 401 && wrong.code == "invalid_credentials")
            }
            let unknown = try await anonymous.post("/api/v1/sessions", ["email": "nobody@example.com", "password": "wrong password"])
            #expect(unknown.status == 401 && unknown.code == "invalid_credentials")
            let held = try await anonymous.post("/api/v1/sessions", ["email": "sam@example.com", "password": Self.password])
            #expect(held.status == 429 && held.code == "too_many_attempts")
            // Fifteen minutes after the first wrong password (the seconds since, on a busy machine, off).
            let wait = try #require(held.headers[.retryAfter].flatMap { Int($0) })
            #expect((850...900).contains(wait) && held["retry_after"] as? Int == wait)
            #expect(try await anonymous.post("/api/v1/sessions", ["email": "sam@example.com"]).status == 400)
        }
    }
}
