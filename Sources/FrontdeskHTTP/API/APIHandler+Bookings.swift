import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func getBooking(_ input: Operations.GetBooking.Input) async throws -> Operations.GetBooking.Output {
        let booking = try await frontdesk.booking(try caller, try BookingReference(input.path.id))
        return .ok(.init(headers: .init(eTag: Read.etag(booking)), body: .json(try .init(booking))))
    }

    func updateBooking(_ input: Operations.UpdateBooking.Input) async throws -> Operations.UpdateBooking.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let (reference, ifMatch) = (try BookingReference(input.path.id), try Read.version(ifMatch: input.headers.ifMatch))
        let booking: Booking
        if let memberID = try Read.uuidIfPresent(body.memberId, "member_id") {
            var v = Validator()
            v.check(body.status == nil && body.notes == nil, "member_id", "changes alone: not with status or notes")
            try v.validate()
            booking = try await frontdesk.changeBookingMember(try caller, reference, memberID: memberID, ifMatch: ifMatch)
        } else {
            booking = try await frontdesk.updateBooking(
                try caller, reference,
                BookingPatch(status: body.status.flatMap { BookingStatus(rawValue: $0.rawValue) }, notes: body.notes),
                ifMatch: ifMatch)
        }
        return .ok(.init(headers: .init(eTag: Read.etag(booking)), body: .json(try .init(booking))))
    }

    func deleteBooking(_ input: Operations.DeleteBooking.Input) async throws -> Operations.DeleteBooking.Output {
        try await frontdesk.deleteBooking(try caller, try BookingReference(input.path.id))
        return .noContent(.init())
    }

    func getBookingAudit(_ input: Operations.GetBookingAudit.Input) async throws -> Operations.GetBookingAudit.Output {
        let entries = try await frontdesk.bookingAudit(try caller, try BookingReference(input.path.id))
        return .ok(.init(body: .json(.init(items: try entries.map(Components.Schemas.AuditEntry.init)))))
    }
}
