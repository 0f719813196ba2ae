import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine
import Hummingbird

/// The busiest writes of a desk — booking, checking a checkin or a booking in and out, a scan at the door — served by hand-written
/// routes instead of the generated server, as availability is. Their answers are the JSON the
/// outbox carries (`DomainJSON`, written by `JSONWriter`, the same shape as the API's schemas),
/// which costs a fraction of the generated server's `JSONEncoder` and its per-request machinery:
/// measured, a booking took a fifth less CPU, a check-in or check-out a quarter. Requests are
/// still read into the generated types. openapi.yaml documents the operations like any other;
/// the generator's filter (openapi-generator-config.yaml) leaves them out of the generated server.
enum HotWriteRoutes {
    static func register<Context: RequestContext>(on router: Router<Context>, frontdesk: Frontdesk) {
        router.post("/api/v1/bookings") { request, _ in
            let body = try await WireJSON.decode(Components.Schemas.BookingCreate.self, from: request)
            let booking = try await frontdesk.createBooking(try RequestCaller.require(), try NewBooking(body))
            return WireJSON.response(.created, DomainJSON.encode(booking), etag: Read.etag(booking))
        }
        router.post("/api/v1/checkins/:id/check-in") { request, context in
            let (id, at, ifMatch) = try await stamp(request, context)
            let checkin = try await frontdesk.checkIn(try RequestCaller.require(), id, at: at, ifMatch: ifMatch)
            return WireJSON.response(.ok, DomainJSON.encode(checkin), etag: Read.etag(checkin))
        }
        router.post("/api/v1/checkins/:id/check-out") { request, context in
            let (id, at, ifMatch) = try await stamp(request, context)
            let checkin = try await frontdesk.checkOut(try RequestCaller.require(), id, at: at, ifMatch: ifMatch)
            return WireJSON.response(.ok, DomainJSON.encode(checkin), etag: Read.etag(checkin))
        }
        router.post("/api/v1/scan") { request, _ in
            let body = try await WireJSON.decode(Components.Schemas.ScanRequest.self, from: request)
            return WireJSON.response(.ok, try await frontdesk.scan(try RequestCaller.require(), try ScanRequest(body)).json)
        }
        for (step, action) in [("check-in", BookingAction.checkIn), ("check-out", .checkOut)] {
            router.post("/api/v1/bookings/:id/\(step)") { request, context in
                let reference = try BookingReference(try context.parameters.require("id"))
                let body = try await WireJSON.decode(Components.Schemas.BookingActionRequest.self, from: request)
                let (caller, ifMatch) = (try RequestCaller.require(), try Read.version(ifMatch: request.headers[.ifMatch]))
                let (lineIDs, resourceIDs) = (try APIHandler.ids(body.lineIds, "line_ids"), try APIHandler.ids(body.resourceIds, "resource_ids"))
                let booking = if let swap = body.resourceId {
                    try await frontdesk.checkIn(
                        caller, reference, swappingTo: try swapTarget(swap, action), lineIDs: lineIDs,
                        resourceIDs: resourceIDs, at: body.at, reason: body.reason, ifMatch: ifMatch)
                } else {
                    try await frontdesk.perform(caller, action, on: reference, at: body.at, lineIDs: lineIDs,
                                                resourceIDs: resourceIDs, reason: body.reason, ifMatch: ifMatch)
                }
                return WireJSON.response(.ok, DomainJSON.encode(booking), etag: Read.etag(booking))
            }
        }
    }

    /// The resource a booking's check-in swaps its line to; a check-out swaps nothing.
    private static func swapTarget(_ id: String, _ action: BookingAction) throws -> UUID {
        guard action == .checkIn else {
            throw FrontdeskError.validationFailed([FieldIssue("resource_id", "a line is swapped only at check-in")])
        }
        return try Read.uuid(id, "resource_id")
    }

    /// A check-in or check-out: the checkin's id, the optional `at` of the body, and `If-Match`.
    private static func stamp<Context: RequestContext>(
        _ request: Request, _ context: Context
    ) async throws -> (UUID, Date?, Int?) {
        let id = try Read.pathID(try context.parameters.require("id"), "checkin")
        let body = try await WireJSON.decode(Components.Schemas.CheckinStampRequest.self, from: request)
        return (id, body.at, try Read.version(ifMatch: request.headers[.ifMatch]))
    }
}
