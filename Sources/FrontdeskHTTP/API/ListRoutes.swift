import Foundation
import FrontdeskCore
import FrontdeskEngine
import Hummingbird

/// `GET /api/v1/bookings` and `GET /api/v1/checkins`, the desk's busiest reads, served by these
/// hand-written routes instead of the generated server: their items are the JSON the outbox
/// carries (`Booking+JSON`, `Checkin+JSON`), where the generated server's `JSONEncoder` took a
/// third of the server's CPU on a page of 50 bookings. openapi.yaml documents them like any
/// other operation; the generator's filter (openapi-generator-config.yaml) leaves them out.
enum ListRoutes {
    static func register<Context: RequestContext>(on router: Router<Context>, frontdesk: Frontdesk) {
        router.get("/api/v1/bookings") { request, _ in
            let query = request.uri.queryParameters
            let statuses = try ListQuery.values(query.getAll("status"), "status", as: BookingStatus.self)
            let shared = try Shared(query)
            let filter = BookingFilter(
                statuses: statuses, memberID: shared.memberID, resourceID: shared.resourceID, locationIDs: shared.locationIDs,
                window: shared.window,
                startedWithoutCheckin: try ListQuery.bool(query.get("without_checkin"), "without_checkin") == true
                    ? frontdesk.clock().truncatedToMilliseconds : nil)
            let page = try await frontdesk.bookings(try RequestCaller.require(), filter: filter,
                                                    page: try ListQuery.page(query, list: .bookings))
            return WireJSON.response(.ok, ListQuery.answer(page, .bookings))
        }
        router.get("/api/v1/checkins") { request, _ in
            let query = request.uri.queryParameters
            let states = try ListQuery.values(query.getAll("state"), "state", as: CheckinState.self)
            let shared = try Shared(query)
            let filter = CheckinFilter(
                states: states, resourceID: shared.resourceID, memberID: shared.memberID,
                bookingID: try Read.uuidIfPresent(query.get("booking_id"), "booking_id"),
                locationIDs: shared.locationIDs, window: shared.window)
            let page = try await frontdesk.checkins(try RequestCaller.require(), filter: filter,
                                                    page: try ListQuery.page(query, list: .checkins))
            return WireJSON.response(.ok, ListQuery.answer(page, .checkins))
        }
    }

    /// The filters both lists take, read after their enumeration as the generated server read them.
    private struct Shared {
        var memberID: UUID?
        var resourceID: UUID?
        var locationIDs: [UUID]
        var window: TimeWindow?

        init(_ query: Parameters) throws(FrontdeskError) {
            memberID = try Read.uuidIfPresent(query.get("member_id"), "member_id")
            resourceID = try Read.uuidIfPresent(query.get("resource_id"), "resource_id")
            locationIDs = try Read.uuids(query.get("location_id"), "location_id")
            window = try Read.window(from: try Read.instant(query.get("from"), "from"),
                                     to: try Read.instant(query.get("to"), "to"))
        }
    }
}
