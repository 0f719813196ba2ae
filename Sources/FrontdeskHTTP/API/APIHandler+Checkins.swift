import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func createCheckin(_ input: Operations.CreateCheckin.Input) async throws -> Operations.CreateCheckin.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let request = CheckinRequest(
            resourceID: try Read.uuid(body.resourceId, "resource_id"),
            memberID: try Read.uuidIfPresent(body.memberId, "member_id"),
            bookingID: try Read.uuidIfPresent(body.bookingId, "booking_id"),
            startsAt: body.startsAt, endsAt: body.endsAt, notes: body.notes,
            metadata: try body.metadata?.domain ?? [:], checkIn: try body.checkIn.map(Read.arrival),
            method: try body.method.map { try .init(matching: $0) }, device: body.device, geo: body.geo.map(GeoPoint.init))
        let caller = try caller
        let checkin = try await frontdesk.createCheckin(caller, request)
        let stats = try await frontdesk.arrivalStats(caller, of: checkin)
        return .created(.init(headers: .init(eTag: Read.etag(checkin)), body: .json(try .init(checkin, memberStats: stats))))
    }

    func getCheckin(_ input: Operations.GetCheckin.Input) async throws -> Operations.GetCheckin.Output {
        let checkin = try await frontdesk.checkin(try caller, try Read.pathID(input.path.id, "checkin"))
        return .ok(.init(headers: .init(eTag: Read.etag(checkin)), body: .json(try .init(checkin))))
    }

    func updateCheckin(_ input: Operations.UpdateCheckin.Input) async throws -> Operations.UpdateCheckin.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let patch = CheckinPatch(
            startsAt: body.startsAt, endsAt: body.endsAt, notes: body.notes,
            metadata: try body.metadata?.domain, checkIn: body.checkIn, checkOut: body.checkOut)
        let checkin = try await frontdesk.updateCheckin(
            try caller, try Read.pathID(input.path.id, "checkin"), patch,
            ifMatch: try Read.version(ifMatch: input.headers.ifMatch))
        return .ok(try Self.checkinResponse(checkin))
    }

    func deleteCheckin(_ input: Operations.DeleteCheckin.Input) async throws -> Operations.DeleteCheckin.Output {
        try await frontdesk.deleteCheckin(try caller, try Read.pathID(input.path.id, "checkin"))
        return .noContent(.init())
    }

    func revertCheckin(_ input: Operations.RevertCheckin.Input) async throws -> Operations.RevertCheckin.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let checkin = try await frontdesk.revertCheckin(
            try caller, try Read.pathID(input.path.id, "checkin"), reason: body.reason,
            ifMatch: try Read.version(ifMatch: input.headers.ifMatch))
        return .ok(try Self.checkinResponse(checkin))
    }

    func getCheckinAudit(_ input: Operations.GetCheckinAudit.Input) async throws -> Operations.GetCheckinAudit.Output {
        let entries = try await frontdesk.checkinAudit(try caller, try Read.pathID(input.path.id, "checkin"))
        return .ok(.init(body: .json(.init(items: try entries.map(Components.Schemas.AuditEntry.init)))))
    }

    static func checkinResponse(_ checkin: Checkin) throws -> Components.Responses.CheckinChanged {
        .init(headers: .init(eTag: Read.etag(checkin)), body: .json(try .init(checkin)))
    }
}
