import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func scan(_ input: Operations.Scan.Input) async throws -> Operations.Scan.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let place: ScanPlace
        switch (try Read.uuidIfPresent(body.locationId, "location_id"), try Read.uuidIfPresent(body.resourceId, "resource_id")) {
        case (let location?, nil): place = .location(location)
        case (nil, let resource?): place = .resource(resource)
        case (.some, .some), (nil, nil):
            throw FrontdeskError.validationFailed([FieldIssue("location_id", "give exactly one of location_id and resource_id")])
        }
        let result = try await frontdesk.scan(try caller, ScanRequest(
            code: body.code, place: place, method: try body.method.map { try .init(matching: $0) }, device: body.device))
        return .ok(.init(body: .json(.init(step: try .init(matching: result.step), checkin: try .init(result.checkin)))))
    }

    func getAttendanceSettings(
        _ input: Operations.GetAttendanceSettings.Input
    ) async throws -> Operations.GetAttendanceSettings.Output {
        .ok(.init(body: .json(try .init(try await frontdesk.attendanceSettings(try caller)))))
    }

    func updateAttendanceSettings(
        _ input: Operations.UpdateAttendanceSettings.Input
    ) async throws -> Operations.UpdateAttendanceSettings.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let types = try body.types?.additionalProperties.reduce(into: [String: AttendanceSettings.TypeSettings]()) {
            $0[$1.key] = try AttendanceSettings.TypeSettings($1.value, type: $1.key)
        }
        let settings = try await frontdesk.updateAttendanceSettings(try caller, AttendanceSettingsPatch(
            scanDebounceSeconds: body.scanDebounceSeconds, allowedMemberTypes: body.allowedMemberTypes, types: types))
        return .ok(.init(body: .json(try .init(settings))))
    }

    func checkOutExpired(_ input: Operations.CheckOutExpired.Input) async throws -> Operations.CheckOutExpired.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let closed = try await frontdesk.checkOutExpired(try caller, before: body.before, memberType: body.memberType,
                                                         limit: body.limit ?? 500)
        return .ok(.init(body: .json(.init(closed: closed.count, items: try closed.map(Components.Schemas.Checkin.init)))))
    }
}
