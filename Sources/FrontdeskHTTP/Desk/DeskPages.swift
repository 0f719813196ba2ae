import Foundation
import FrontdeskCore
import FrontdeskEngine
import Hummingbird
import Mustache
import NIOCore

/// The web desk, served by the same binary: `/` sends a signed-out browser to `/sign-in`, and a
/// signed-in one to `/today`, its location's day (`DayManifest`). Pages read the session from the
/// `frontdesk_session` cookie and call the engine as the person; their buttons call the API with
/// the same cookie. A refusal is a page that says what went wrong, never a JSON document. The pages
/// themselves are in `DeskPages+Bookings`, `DeskPages+Attendance` and `DeskPages+Office`.
enum DeskPages {
    /// Who the header names.
    struct UserView: Sendable {
        var name: String
        var role: String
    }

    static func register<Context: RequestContext>(on router: Router<Context>, frontdesk: Frontdesk) {
        router.get("/") { request, _ in
            redirect(to: try await signedIn(request, frontdesk) == nil ? "/sign-in" : "/today")
        }
        router.get("/sign-in") { _, _ in
            page("sign-in", [String: Any]())
        }
        router.get("/invite/:token") { _, context in
            page("invite", ["token": try context.parameters.require("token")])
        }
        let pages: [(RouterPath, @Sendable (DeskRequest) async throws -> Response)] = [
            ("/today", today), ("/bookings", search), ("/bookings/new", newBooking), ("/bookings/:reference", booking),
            ("/calendar", calendar), ("/occupancy", occupancy), ("/attendance", attendance), ("/members/:id", member),
            ("/corrections", corrections), ("/kiosk", kiosk), ("/reports", reports), ("/reports/:name", reportFile),
            ("/settings", settings),
        ]
        for (path, body) in pages {
            router.get(path) { request, context in
                guard let (caller, user) = try await signedIn(request, frontdesk) else { return redirect(to: "/sign-in") }
                return try await answer(user) {
                    try await body(DeskRequest(request: request, parameters: context.parameters, caller: caller, user: user,
                                               frontdesk: frontdesk))
                }
            }
        }
        router.get("/desk/desk.css") { _, _ in asset(DeskAssets.css, "text/css; charset=utf-8") }
        router.get("/desk/desk.js") { _, _ in asset(DeskAssets.js, "text/javascript; charset=utf-8") }
    }

    /// The person the cookie's session stands for, or nil (no cookie, or a session that ended).
    private static func signedIn(_ request: Request, _ frontdesk: Frontdesk) async throws -> (Caller, UserView)? {
        guard let token = SessionCookie.token(of: request) else { return nil }
        do {
            let (caller, _) = try await frontdesk.authenticate(sessionToken: token)
            return (caller, UserView(name: caller.actor.name, role: caller.role.rawValue.replacingOccurrences(of: "_", with: " ")))
        } catch FrontdeskError.unauthorized {
            return nil
        }
    }

    /// The page `body` renders, or a page that says why it cannot be shown.
    private static func answer(_ user: UserView, _ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as FrontdeskError {
            var response = page("problem", ["user": user, "title": error.title, "detail": error.detail])
            response.status = .init(code: error.status)
            return response
        }
    }

    static func page(_ template: String, _ object: Any) -> Response {
        let html = DeskTemplates.library.render(object, withTemplate: template) ?? ""
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The page of an organization with no location yet.
    static func noLocation(_ user: UserView) -> Response {
        page("today", ["user": user, "hasLocations": false])
    }

    static func redirect(to path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path, .cacheControl: "no-store"])
    }

    private static func asset(_ text: String, _ type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=300"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// A page's request from a signed-in person: what was asked, who asks, and the engine to ask.
struct DeskRequest: Sendable {
    let request: Request
    let parameters: Parameters
    let caller: Caller
    let user: DeskPages.UserView
    let frontdesk: Frontdesk

    var query: Parameters { request.uri.queryParameters }

    func may(_ permission: Permission) -> Bool { caller.permissions.contains(permission) }

    /// The caller's locations, and the one the page is about (`?location=`, else the first).
    func place() async throws -> (locations: [Location], chosen: Location?) {
        let locations = try await Page.all { page in try await frontdesk.locations(caller, page: page) }
        let chosen = try query.get("location").map { try Read.uuid($0, "location") }
        guard let id = chosen ?? locations.first?.id else { return (locations, nil) }
        return (locations, try await frontdesk.location(caller, id))
    }

    /// The time zone a location's desk reads its days in.
    func zone(of location: Location) async throws -> TimeZone {
        try await frontdesk.timeZone(of: location, caller)
    }

    /// The local day `name` asks for (`2026-12-07`), if it asks for one.
    func day(_ name: String) throws(FrontdeskError) -> LocalDate? {
        guard let text = query.get(name) else { return nil }
        guard let day = LocalDate(text) else { throw .malformedRequest("\(name) must be a date (2026-12-07), got \(text)") }
        return day
    }

    /// The newest event's sequence, where a live page's stream starts; nil without `event:read`.
    func streamHead() async throws -> Int64? {
        may(.eventRead) ? try await frontdesk.lastEventSequence(caller) : nil
    }
}
