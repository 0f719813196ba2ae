import Foundation
import FrontdeskCore
import FrontdeskEngine
import Hummingbird
import Mustache
import NIOCore

/// The web desk, served by the same binary: `/` sends a signed-out browser to `/sign-in`, and a
/// signed-in one to `/today`, its location's day (`DayManifest`). Pages read the session from the
/// `frontdesk_session` cookie and call the engine as the person; their buttons call the API with
/// the same cookie. A refusal is a page that says what went wrong, never a JSON document.
enum DeskPages {
    /// Who the header names.
    struct UserView {
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
        router.get("/today") { request, _ in
            guard let (caller, user) = try await signedIn(request, frontdesk) else { return redirect(to: "/sign-in") }
            return try await answer(user) { try await today(request, caller, user, frontdesk) }
        }
        router.get("/bookings") { request, _ in
            guard let (caller, user) = try await signedIn(request, frontdesk) else { return redirect(to: "/sign-in") }
            let text = (request.uri.queryParameters.get("number") ?? "").trimmingCharacters(in: .whitespaces)
            let number = String(text.uppercased().filter { !$0.isWhitespace })
            if text.isEmpty { return redirect(to: "/today") }
            if BookingNumber.looksLikeNumber(number) { return redirect(to: "/bookings/" + number) }
            return try await answer(user) {
                let found = try await frontdesk.searchBookings(caller, text)
                return page("booking-search", BookingSearchView(user: user, query: text, bookings: found,
                                                               zones: try await zones(caller, frontdesk)))
            }
        }
        router.get("/bookings/new") { request, _ in
            guard let (caller, user) = try await signedIn(request, frontdesk) else { return redirect(to: "/sign-in") }
            return try await answer(user) { try await newBooking(request, caller, user, frontdesk) }
        }
        router.get("/bookings/:reference") { request, context in
            guard let (caller, user) = try await signedIn(request, frontdesk) else { return redirect(to: "/sign-in") }
            return try await answer(user) {
                try await booking(try BookingReference(try context.parameters.require("reference")), caller, user, frontdesk)
            }
        }
        router.get("/calendar") { request, _ in
            guard let (caller, user) = try await signedIn(request, frontdesk) else { return redirect(to: "/sign-in") }
            return try await answer(user) { try await calendar(request, caller, user, frontdesk) }
        }
        router.get("/occupancy") { request, _ in
            guard let (caller, user) = try await signedIn(request, frontdesk) else { return redirect(to: "/sign-in") }
            return try await answer(user) { try await occupancy(request, caller, user, frontdesk) }
        }
        router.get("/reports") { request, _ in
            guard let (caller, user) = try await signedIn(request, frontdesk) else { return redirect(to: "/sign-in") }
            return try await answer(user) {
                guard let period = try await reportPeriod(request, caller, frontdesk) else {
                    return page("today", ["user": user, "hasLocations": false])
                }
                let report = try await frontdesk.activityReport(caller, period.query)
                let takings = caller.permissions.contains(.billingRead) ? try await frontdesk.takingsReport(caller, period.query) : nil
                return page("reports", ReportsView(user: user, location: period.location, locations: period.locations,
                                                   first: period.first, last: period.last, report: report, takings: takings))
            }
        }
        router.get("/reports/:name") { request, context in
            guard let (caller, user) = try await signedIn(request, frontdesk) else { return redirect(to: "/sign-in") }
            return try await answer(user) {
                let name = try context.parameters.require("name")
                guard ["activity.csv", "takings.csv"].contains(name), let period = try await reportPeriod(request, caller, frontdesk) else {
                    throw FrontdeskError.notFound(entity: "report", id: name)
                }
                let csv = name == "activity.csv" ? try await frontdesk.activityReport(caller, period.query).csv
                    : try await frontdesk.takingsReport(caller, period.query).csv
                let file = name.replacingOccurrences(of: ".csv", with: "") + "-\(period.first)-\(period.last).csv"
                return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                                                       .contentDisposition: "attachment; filename=\"\(file)\""],
                                body: .init(byteBuffer: ByteBuffer(string: csv)))
            }
        }
        router.get("/attendance") { request, _ in
            guard let (caller, user) = try await signedIn(request, frontdesk) else { return redirect(to: "/sign-in") }
            return try await answer(user) {
                guard let period = try await reportPeriod(request, caller, frontdesk) else {
                    return page("today", ["user": user, "hasLocations": false])
                }
                let dashboard = try await frontdesk.attendanceDashboard(caller, from: period.query.from, to: period.query.to,
                                                                        locationID: period.location.id)
                return page("attendance", AttendanceView(user: user, location: period.location, locations: period.locations,
                                                         first: period.first, last: period.last, dashboard: dashboard))
            }
        }
        router.get("/members/:id") { request, context in
            guard let (caller, user) = try await signedIn(request, frontdesk) else { return redirect(to: "/sign-in") }
            return try await answer(user) {
                let id = try Read.pathID(try context.parameters.require("id"), "member")
                return page("member", MemberView(user: user, member: try await frontdesk.member(caller, id),
                                                 stats: try await frontdesk.memberAttendance(caller, id),
                                                 history: try await frontdesk.memberAttendanceHistory(caller, id)))
            }
        }
        router.get("/corrections") { request, _ in
            guard let (caller, user) = try await signedIn(request, frontdesk) else { return redirect(to: "/sign-in") }
            return try await answer(user) {
                let open = try await frontdesk.corrections(caller, filter: CorrectionFilter(statuses: [.pending, .approved]),
                                                           page: PageRequest(limit: PageRequest.maxLimit)).items
                let zone = try await frontdesk.organization(caller).zone
                return page("corrections", CorrectionsView(user: user, corrections: open,
                                                           reviews: caller.permissions.contains(.correctionReview), zone: zone))
            }
        }
        router.get("/settings") { request, _ in
            guard let (caller, user) = try await signedIn(request, frontdesk) else { return redirect(to: "/sign-in") }
            return try await answer(user) { try await settings(caller, user, frontdesk) }
        }
        router.get("/kiosk") { request, _ in
            guard let (caller, user) = try await signedIn(request, frontdesk) else { return redirect(to: "/sign-in") }
            return try await answer(user) {
                let (locations, location) = try await place(request, caller, frontdesk)
                return page("kiosk", KioskView(user: user, location: location, locations: locations))
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

    /// The organization's locations, and the one the page is about (`?location=`, else the first).
    private static func place(
        _ request: Request, _ caller: Caller, _ frontdesk: Frontdesk
    ) async throws -> (locations: [Location], chosen: Location?) {
        let locations = try await frontdesk.locations(caller, page: PageRequest(limit: PageRequest.maxLimit)).items
        let chosen = try request.uri.queryParameters.get("location").map { try Read.uuid($0, "location") }
        guard let id = chosen ?? locations.first?.id else { return (locations, nil) }
        return (locations, try await frontdesk.location(caller, id))
    }

    /// Each location's time zone (its own, else its organization's), for the times a page shows.
    private static func zones(_ caller: Caller, _ frontdesk: Frontdesk) async throws -> [UUID: TimeZone] {
        var zones: [UUID: TimeZone] = [:]
        for location in try await Page.all({ page in try await frontdesk.locations(caller, page: page) }) {
            zones[location.id] = try await frontdesk.timeZone(of: location, caller)
        }
        return zones
    }

    private static func today(_ request: Request, _ caller: Caller, _ user: UserView, _ frontdesk: Frontdesk) async throws -> Response {
        let (locations, chosen) = try await place(request, caller, frontdesk)
        guard let chosen else { return page("today", ["user": user, "hasLocations": false]) }
        let (location, manifest) = try await frontdesk.manifest(caller, locationID: chosen.id)
        let zone = try await frontdesk.timeZone(of: location, caller)
        let head = caller.permissions.contains(.eventRead) ? try await frontdesk.lastEventSequence(caller) : nil
        return page("today", TodayView(user: user, location: location, locations: locations, manifest: manifest, zone: zone,
                                       head: head, now: frontdesk.clock()))
    }

    /// The new booking's page: what is free at the location for the dates asked (by default, one
    /// night from today), and the guests found by name.
    private static func newBooking(_ request: Request, _ caller: Caller, _ user: UserView, _ frontdesk: Frontdesk) async throws -> Response {
        let (locations, chosen) = try await place(request, caller, frontdesk)
        guard let location = chosen else { return page("today", ["user": user, "hasLocations": false]) }
        let query = request.uri.queryParameters
        let guest = (query.get("guest") ?? "").trimmingCharacters(in: .whitespaces)
        var availability: Availability?
        let today = LocalDate(frontdesk.clock(), in: try await frontdesk.timeZone(of: location, caller))
        var dates = StayDates(checkIn: today, checkOut: today.adding(days: 1))
        if let from = query.get("from"), let to = query.get("to") {
            let window = try WindowSpec(startsAt: nil, endsAt: nil, checkIn: from, checkOut: to)
            if case .dates(let asked) = window { dates = asked }
            availability = try await frontdesk.availability(caller, window: window, filter: ResourceFilter(locationIDs: [location.id]))
        }
        let guests = guest.isEmpty || !caller.permissions.contains(.memberRead) ? []
            : try await frontdesk.members(caller, filter: MemberFilter(query: guest), page: PageRequest(limit: 50)).items
        return page("new-booking", NewBookingView(user: user, location: location, locations: locations, dates: dates, guest: guest,
                                                  availability: availability, guests: guests))
    }

    /// A location's week by resource, from `?from=` (a date; today by default).
    private static func calendar(_ request: Request, _ caller: Caller, _ user: UserView, _ frontdesk: Frontdesk) async throws -> Response {
        let (locations, chosen) = try await place(request, caller, frontdesk)
        guard let location = chosen else { return page("today", ["user": user, "hasLocations": false]) }
        let zone = try await frontdesk.timeZone(of: location, caller)
        let first = try request.uri.queryParameters.get("from").map { text throws(FrontdeskError) in
            guard let day = LocalDate(text) else { throw .malformedRequest("from must be a date (2026-12-07), got \(text)") }
            return day
        } ?? LocalDate(frontdesk.clock(), in: zone)
        let midnight = LocalTime("00:00")!
        let week = TimeWindow(start: first.instant(at: midnight, in: zone), end: first.adding(days: 7).instant(at: midnight, in: zone))
        let resources = try await Page.all { page in
            try await frontdesk.resources(caller, filter: ResourceFilter(locationIDs: [location.id]), page: page)
        }
        let bookings = try await Page.all { page in
            try await frontdesk.bookings(caller, filter: BookingFilter(locationIDs: [location.id], window: week), page: page)
        }
        return page("calendar", CalendarView(user: user, location: location, locations: locations, first: first, zone: zone,
                                             resources: resources, bookings: bookings))
    }

    /// Who is in a location now.
    private static func occupancy(_ request: Request, _ caller: Caller, _ user: UserView, _ frontdesk: Frontdesk) async throws -> Response {
        let (locations, chosen) = try await place(request, caller, frontdesk)
        guard let location = chosen else { return page("today", ["user": user, "hasLocations": false]) }
        let headcount = try await frontdesk.occupancy(caller, locationID: location.id)
        var names: [UUID: String] = [:]
        for id in Set(headcount.visits.compactMap(\.visit.memberID)) { names[id] = try await frontdesk.member(caller, id).name }
        let head = caller.permissions.contains(.eventRead) ? try await frontdesk.lastEventSequence(caller) : nil
        return page("occupancy", OccupancyView(user: user, location: location, locations: locations, headcount: headcount,
                                               names: names, zone: try await frontdesk.timeZone(of: location, caller),
                                               head: head, now: frontdesk.clock()))
    }

    /// The organization's settings, each part read only when the caller may.
    private static func settings(_ caller: Caller, _ user: UserView, _ frontdesk: Frontdesk) async throws -> Response {
        func may(_ permission: Permission) -> Bool { caller.permissions.contains(permission) }
        let settings = may(.settingsRead) && caller.locationIDs == nil
        let view = SettingsView(
            user: user, caller: caller, organization: try await frontdesk.organization(caller),
            locations: try await Page.all { page in try await frontdesk.locations(caller, page: page) },
            resources: try await Page.all { page in try await frontdesk.resources(caller, filter: ResourceFilter(), page: page) },
            users: may(.userManage) ? try await frontdesk.users(caller) : nil,
            keys: may(.keyManage) ? try await frontdesk.keys(caller) : nil,
            actions: settings ? try await Page.all { page in try await frontdesk.actions(caller, page: page) } : nil,
            deliveries: settings
                ? try await frontdesk.webhookDeliveries(caller, filter: DeliveryFilter(), page: PageRequest(limit: 50)).items : nil)
        return page("settings", view)
    }

    /// A report's location and days (`?from=`, `?to=`, both included; by default the last seven
    /// days to today), and the query of those days' instants at the location; nil with no location.
    private static func reportPeriod(
        _ request: Request, _ caller: Caller, _ frontdesk: Frontdesk
    ) async throws -> (locations: [Location], location: Location, first: LocalDate, last: LocalDate, query: ActivityQuery)? {
        let (locations, chosen) = try await place(request, caller, frontdesk)
        guard let location = chosen else { return nil }
        let zone = try await frontdesk.timeZone(of: location, caller)
        let parameters = request.uri.queryParameters
        func day(_ name: String) throws(FrontdeskError) -> LocalDate? {
            guard let text = parameters.get(name) else { return nil }
            guard let day = LocalDate(text) else { throw .malformedRequest("\(name) must be a date (2026-12-07), got \(text)") }
            return day
        }
        let last = try day("to") ?? LocalDate(frontdesk.clock(), in: zone)
        let first = try day("from") ?? last.adding(days: -6)
        let midnight = LocalTime("00:00")!
        let query = ActivityQuery(from: first.instant(at: midnight, in: zone), to: last.adding(days: 1).instant(at: midnight, in: zone),
                                  locationID: location.id)
        return (locations, location, first, last, query)
    }

    private static func booking(
        _ reference: BookingReference, _ caller: Caller, _ user: UserView, _ frontdesk: Frontdesk
    ) async throws -> Response {
        let booking = try await frontdesk.booking(caller, reference)
        let invoice = caller.permissions.contains(.billingRead)
            ? try await frontdesk.invoices(caller, filter: InvoiceFilter(bookingID: booking.id), page: PageRequest(limit: 1)).items.first
            : nil
        // The history is the audit log's: shown to those who may read it (not the front desk).
        let audit = caller.permissions.contains(.auditRead) ? try await frontdesk.bookingAudit(caller, .id(booking.id)) : nil
        let location = try await frontdesk.location(caller, booking.locationID)
        let zone = try await frontdesk.timeZone(of: location, caller)
        return page("booking", BookingView(user: user, booking: booking, invoice: invoice, audit: audit, zone: zone))
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

    private static func page(_ template: String, _ object: Any) -> Response {
        let html = DeskTemplates.library.render(object, withTemplate: template) ?? ""
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    private static func redirect(to path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path, .cacheControl: "no-store"])
    }

    private static func asset(_ text: String, _ type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=300"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
