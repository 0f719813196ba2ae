import Foundation
import FrontdeskCore
import FrontdeskEngine
import Hummingbird

/// The desk's attendance pages: who is in, the dashboard, a member, the corrections queue, the kiosk.
extension DeskPages {
    static func occupancy(_ desk: DeskRequest) async throws -> Response {
        let (locations, chosen) = try await desk.place()
        guard let location = chosen else { return noLocation(desk.user) }
        let headcount = try await desk.frontdesk.occupancy(desk.caller, locationID: location.id)
        var names: [UUID: String] = [:]
        for id in Set(headcount.visits.compactMap(\.visit.memberID)) { names[id] = try await desk.frontdesk.member(desk.caller, id).name }
        return page("occupancy", OccupancyView(user: desk.user, location: location, locations: locations, headcount: headcount,
                                               names: names, zone: try await desk.zone(of: location),
                                               head: try await desk.streamHead(), now: desk.frontdesk.clock()))
    }

    static func attendance(_ desk: DeskRequest) async throws -> Response {
        guard let period = try await period(desk) else { return noLocation(desk.user) }
        let dashboard = try await desk.frontdesk.attendanceDashboard(desk.caller, from: period.query.from, to: period.query.to,
                                                                     locationID: period.location.id)
        return page("attendance", AttendanceView(user: desk.user, location: period.location, locations: period.locations,
                                                 first: period.first, last: period.last, dashboard: dashboard))
    }

    static func member(_ desk: DeskRequest) async throws -> Response {
        let id = try Read.pathID(try desk.parameters.require("id"), "member")
        return page("member", MemberView(user: desk.user, member: try await desk.frontdesk.member(desk.caller, id),
                                         stats: try await desk.frontdesk.memberAttendance(desk.caller, id),
                                         history: try await desk.frontdesk.memberAttendanceHistory(desk.caller, id)))
    }

    /// The corrections waiting for a review, and those approved waiting to be applied.
    static func corrections(_ desk: DeskRequest) async throws -> Response {
        let open = try await desk.frontdesk.corrections(desk.caller, filter: CorrectionFilter(statuses: [.pending, .approved]),
                                                        page: PageRequest(limit: PageRequest.maxLimit)).items
        return page("corrections", CorrectionsView(user: desk.user, corrections: open, reviews: desk.may(.correctionReview),
                                                   zone: try await desk.frontdesk.organization(desk.caller).zone))
    }

    static func kiosk(_ desk: DeskRequest) async throws -> Response {
        let (locations, location) = try await desk.place()
        return page("kiosk", KioskView(user: desk.user, location: location, locations: locations))
    }

    /// A period of a location's days (`?from=`, `?to=`, both included; by default the last seven
    /// days to today), with the query of those days' instants there; nil with no location.
    static func period(
        _ desk: DeskRequest
    ) async throws -> (locations: [Location], location: Location, first: LocalDate, last: LocalDate, query: ActivityQuery)? {
        let (locations, chosen) = try await desk.place()
        guard let location = chosen else { return nil }
        let zone = try await desk.zone(of: location)
        let last = try desk.day("to") ?? LocalDate(desk.frontdesk.clock(), in: zone)
        let first = try desk.day("from") ?? last.adding(days: -6)
        let midnight = LocalTime("00:00")!
        let query = ActivityQuery(from: first.instant(at: midnight, in: zone), to: last.adding(days: 1).instant(at: midnight, in: zone),
                                  locationID: location.id)
        return (locations, location, first, last, query)
    }
}
