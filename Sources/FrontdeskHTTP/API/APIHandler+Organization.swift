import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func createOrganization(_ input: Operations.CreateOrganization.Input) async throws -> Operations.CreateOrganization.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let created = try await frontdesk.createOrganization(try caller, name: body.name, patch: OrganizationPatch(
            timeZone: body.timezone, currency: body.currency, checkInTime: body.checkInTime, checkOutTime: body.checkOutTime,
            bookingNumberPrefix: body.bookingNumberPrefix, noShowGraceMinutes: body.noShowGraceMinutes,
            pendingHoldMinutes: body.pendingHoldMinutes, autoNoShow: body.autoNoShow))
        return .created(.init(body: .json(.init(
            organization: .init(created.organization), apiKey: try .init(created.ownerKey)))))
    }

    func getOrganization(_ input: Operations.GetOrganization.Input) async throws -> Operations.GetOrganization.Output {
        .ok(.init(body: .json(.init(try await frontdesk.organization(try caller)))))
    }

    func updateOrganization(_ input: Operations.UpdateOrganization.Input) async throws -> Operations.UpdateOrganization.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let organization = try await frontdesk.updateOrganization(try caller, OrganizationPatch(
            name: body.name, timeZone: body.timezone, currency: body.currency, checkInTime: body.checkInTime,
            checkOutTime: body.checkOutTime, bookingNumberPrefix: body.bookingNumberPrefix,
            noShowGraceMinutes: body.noShowGraceMinutes, pendingHoldMinutes: body.pendingHoldMinutes,
            autoNoShow: body.autoNoShow))
        return .ok(.init(body: .json(.init(organization))))
    }
}
