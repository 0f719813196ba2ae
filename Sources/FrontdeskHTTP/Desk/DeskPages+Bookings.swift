import Foundation
import FrontdeskCore
import FrontdeskEngine
import Hummingbird

/// The desk's booking pages: the day, a search, a new booking, a booking, the week.
extension DeskPages {
    static func today(_ desk: DeskRequest) async throws -> Response {
        let (locations, chosen) = try await desk.place()
        guard let chosen else { return noLocation(desk.user) }
        let (location, manifest) = try await desk.frontdesk.manifest(desk.caller, locationID: chosen.id)
        return page("today", TodayView(user: desk.user, location: location, locations: locations, manifest: manifest,
                                       zone: try await desk.zone(of: location), head: try await desk.streamHead(),
                                       now: desk.frontdesk.clock()))
    }

    /// The header's search box: a booking number opens it; other text finds bookings by their
    /// guest or resource.
    static func search(_ desk: DeskRequest) async throws -> Response {
        let text = (desk.query.get("number") ?? "").trimmingCharacters(in: .whitespaces)
        let number = String(text.uppercased().filter { !$0.isWhitespace })
        if text.isEmpty { return redirect(to: "/today") }
        if BookingNumber.looksLikeNumber(number) { return redirect(to: "/bookings/" + number) }
        let found = try await desk.frontdesk.searchBookings(desk.caller, text)
        var zones: [UUID: TimeZone] = [:]
        for location in try await desk.place().locations { zones[location.id] = try await desk.zone(of: location) }
        return page("booking-search", BookingSearchView(user: desk.user, query: text, bookings: found, zones: zones))
    }

    /// What is free at the location for the dates asked (by default, one night from today), and
    /// the guests found by name.
    static func newBooking(_ desk: DeskRequest) async throws -> Response {
        let (locations, chosen) = try await desk.place()
        guard let location = chosen else { return noLocation(desk.user) }
        let guest = (desk.query.get("guest") ?? "").trimmingCharacters(in: .whitespaces)
        var availability: Availability?
        let today = LocalDate(desk.frontdesk.clock(), in: try await desk.zone(of: location))
        var dates = StayDates(checkIn: today, checkOut: today.adding(days: 1))
        if let from = desk.query.get("from"), let to = desk.query.get("to") {
            let window = try WindowSpec(startsAt: nil, endsAt: nil, checkIn: from, checkOut: to)
            if case .dates(let asked) = window { dates = asked }
            availability = try await desk.frontdesk.availability(desk.caller, window: window,
                                                                 filter: ResourceFilter(locationIDs: [location.id]))
        }
        let guests = guest.isEmpty || !desk.may(.memberRead) ? []
            : try await desk.frontdesk.members(desk.caller, filter: MemberFilter(query: guest), page: PageRequest(limit: 50)).items
        return page("new-booking", NewBookingView(user: desk.user, location: location, locations: locations, dates: dates,
                                                  guest: guest, availability: availability, guests: guests))
    }

    static func booking(_ desk: DeskRequest) async throws -> Response {
        let (frontdesk, caller) = (desk.frontdesk, desk.caller)
        let booking = try await frontdesk.booking(caller, try BookingReference(try desk.parameters.require("reference")))
        let invoice = desk.may(.billingRead)
            ? try await frontdesk.invoices(caller, filter: InvoiceFilter(bookingID: booking.id), page: PageRequest(limit: 1)).items.first
            : nil
        // The history is the audit log's: shown to those who may read it (not the front desk).
        let audit = desk.may(.auditRead) ? try await frontdesk.bookingAudit(caller, .id(booking.id)) : nil
        let zone = try await desk.zone(of: try await frontdesk.location(caller, booking.locationID))
        return page("booking", BookingView(user: desk.user, booking: booking, invoice: invoice, audit: audit, zone: zone))
    }

    /// A location's week by resource, from `?from=` (today by default).
    static func calendar(_ desk: DeskRequest) async throws -> Response {
        let (locations, chosen) = try await desk.place()
        guard let location = chosen else { return noLocation(desk.user) }
        let zone = try await desk.zone(of: location)
        let first = try desk.day("from") ?? LocalDate(desk.frontdesk.clock(), in: zone)
        let midnight = LocalTime("00:00")!
        let week = TimeWindow(start: first.instant(at: midnight, in: zone), end: first.adding(days: 7).instant(at: midnight, in: zone))
        let resources = try await Page.all { page in
            try await desk.frontdesk.resources(desk.caller, filter: ResourceFilter(locationIDs: [location.id]), page: page)
        }
        let bookings = try await Page.all { page in
            try await desk.frontdesk.bookings(desk.caller, filter: BookingFilter(locationIDs: [location.id], window: week), page: page)
        }
        return page("calendar", CalendarView(user: desk.user, location: location, locations: locations, first: first, zone: zone,
                                             resources: resources, bookings: bookings))
    }
}
