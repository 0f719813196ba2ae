import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

/// The desk buttons: each is the same call with another action.
extension APIHandler {
    func confirmBooking(_ input: Operations.ConfirmBooking.Input) async throws -> Operations.ConfirmBooking.Output {
        .ok(try await act(.confirm, input.path.id, input.headers.ifMatch, Self.json(input.body)))
    }

    func startBooking(_ input: Operations.StartBooking.Input) async throws -> Operations.StartBooking.Output {
        .ok(try await act(.start, input.path.id, input.headers.ifMatch, Self.json(input.body)))
    }

    /// A cancellation may give money back: `refund_amount`, by `refund_method` (default the way
    /// the invoice was last paid).
    func cancelBooking(_ input: Operations.CancelBooking.Input) async throws -> Operations.CancelBooking.Output {
        guard case .json(let body)? = input.body else { return .ok(try await act(.cancel, input.path.id, input.headers.ifMatch, nil)) }
        let refund = try body.refundAmount.map { amount throws in
            CancellationRefund(amount: Int(clamping: amount), method: try body.refundMethod.map { try Payment.Method(matching: $0) })
        }
        let booking = try await frontdesk.perform(
            try caller, .cancel, on: try BookingReference(input.path.id), at: body.at, reason: body.reason, refund: refund,
            ifMatch: try Read.version(ifMatch: input.headers.ifMatch))
        return .ok(try Self.bookingResponse(booking))
    }

    func markBookingNoShow(_ input: Operations.MarkBookingNoShow.Input) async throws -> Operations.MarkBookingNoShow.Output {
        .ok(try await act(.noShow, input.path.id, input.headers.ifMatch, Self.json(input.body)))
    }

    func revertBooking(_ input: Operations.RevertBooking.Input) async throws -> Operations.RevertBooking.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let booking = try await frontdesk.revertBooking(
            try caller, try BookingReference(input.path.id), lineIDs: try Self.ids(body.lineIds, "line_ids"),
            resourceIDs: try Self.ids(body.resourceIds, "resource_ids"), reason: body.reason, ifMatch: try Read.version(ifMatch: input.headers.ifMatch))
        return .ok(try Self.bookingResponse(booking))
    }

    /// Presses `action` on the booking named by `id` (id or number).
    func act(
        _ action: BookingAction, _ id: String, _ ifMatch: String?, _ body: Components.Schemas.BookingActionRequest?
    ) async throws -> Components.Responses.BookingChanged {
        let booking = try await frontdesk.perform(
            try caller, action, on: try BookingReference(id), at: body?.at, reason: body?.reason,
            ifMatch: try Read.version(ifMatch: ifMatch))
        return try Self.bookingResponse(booking)
    }

    /// A body's list of ids (`line_ids`, `resource_ids`), each read as an id.
    static func ids(_ ids: [String]?, _ field: String) throws -> Set<UUID>? {
        try ids.map { ids throws in Set(try ids.enumerated().map { i, id throws in try Read.uuid(id, "\(field)[\(i)]") }) }
    }

    static func bookingResponse(_ booking: Booking) throws -> Components.Responses.BookingChanged {
        .init(headers: .init(eTag: Read.etag(booking)), body: .json(try .init(booking)))
    }

    /// The optional JSON body of a step of the whole booking: no lines.
    static func json(_ body: Components.RequestBodies.BookingStep?) -> Components.Schemas.BookingActionRequest? {
        guard case .json(let request) = body else { return nil }
        return .init(at: request.at, reason: request.reason)
    }
}
