import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

/// A booking's lines changed at the desk: added, changed, removed.
extension APIHandler {
    func addBookingLine(_ input: Operations.AddBookingLine.Input) async throws -> Operations.AddBookingLine.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let given = body.startsAt != nil || body.endsAt != nil || body.checkIn != nil || body.checkOut != nil
        let booking = try await frontdesk.addBookingLine(
            try caller, try BookingReference(input.path.id), resourceID: try Read.uuid(body.resourceId, "resource_id"),
            window: given ? try WindowSpec(startsAt: body.startsAt, endsAt: body.endsAt, checkIn: body.checkIn,
                                           checkOut: body.checkOut) : nil,
            ifMatch: try Read.version(ifMatch: input.headers.ifMatch))
        return .created(try Self.bookingResponse(booking))
    }

    func updateBookingLine(_ input: Operations.UpdateBookingLine.Input) async throws -> Operations.UpdateBookingLine.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let booking = try await frontdesk.changeBookingLine(
            try caller, try BookingReference(input.path.id), lineID: try Read.pathID(input.path.lineId, "booking line"),
            resourceID: try Read.uuidIfPresent(body.resourceId, "resource_id"),
            window: try WindowEdit(startsAt: body.startsAt, endsAt: body.endsAt, checkIn: body.checkIn, checkOut: body.checkOut),
            ifMatch: try Read.version(ifMatch: input.headers.ifMatch))
        return .ok(try Self.bookingResponse(booking))
    }

    func removeBookingLine(_ input: Operations.RemoveBookingLine.Input) async throws -> Operations.RemoveBookingLine.Output {
        let booking = try await frontdesk.removeBookingLine(
            try caller, try BookingReference(input.path.id), lineID: try Read.pathID(input.path.lineId, "booking line"),
            ifMatch: try Read.version(ifMatch: input.headers.ifMatch))
        return .ok(try Self.bookingResponse(booking))
    }
}
