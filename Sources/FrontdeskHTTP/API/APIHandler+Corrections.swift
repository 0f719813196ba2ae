import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func submitCorrection(_ input: Operations.SubmitCorrection.Input) async throws -> Operations.SubmitCorrection.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let type = try CorrectionType(matching: body._type)
        let correction = try await frontdesk.submitCorrection(try caller, CorrectionRequest(
            type: type, checkinID: try Read.uuidIfPresent(body.checkinId, "checkin_id"),
            memberID: try Read.uuidIfPresent(body.memberId, "member_id"),
            resourceID: try Read.uuidIfPresent(body.resourceId, "resource_id"), checkIn: body.checkIn,
            checkOut: body.checkOut, value: try body.value.map { try Self.correctionValue($0, of: type) },
            reason: body.reason, priority: try body.priority.map { try CorrectionPriority(matching: $0) } ?? .normal))
        return .created(.init(body: .json(try .init(correction))))
    }

    func listCorrections(_ input: Operations.ListCorrections.Input) async throws -> Operations.ListCorrections.Output {
        let query = input.query
        let filter = CorrectionFilter(
            statuses: try (query.status ?? []).map { try CorrectionStatus(matching: $0) },
            types: try (query._type ?? []).map { try CorrectionType(matching: $0) },
            priorities: try (query.priority ?? []).map { try CorrectionPriority(matching: $0) },
            memberID: try Read.uuidIfPresent(query.memberId, "member_id"),
            checkinID: try Read.uuidIfPresent(query.checkinId, "checkin_id"))
        let page = try await frontdesk.corrections(
            try caller, filter: filter, page: try PageRequest(limit: query.limit, cursor: query.cursor, list: .corrections))
        return .ok(.init(body: .json(.init(items: try page.items.map(Components.Schemas.Correction.init),
                                           nextCursor: page.nextCursor(in: .corrections)))))
    }

    func getCorrection(_ input: Operations.GetCorrection.Input) async throws -> Operations.GetCorrection.Output {
        let correction = try await frontdesk.correction(try caller, try Read.pathID(input.path.id, "correction"))
        return .ok(.init(body: .json(try .init(correction))))
    }

    func approveCorrection(_ input: Operations.ApproveCorrection.Input) async throws -> Operations.ApproveCorrection.Output {
        let note: String? = if case .json(let body) = input.body { body.note } else { nil }
        let correction = try await frontdesk.approveCorrection(try caller, try Read.pathID(input.path.id, "correction"),
                                                               note: note)
        return .ok(.init(body: .json(try .init(correction))))
    }

    func rejectCorrection(_ input: Operations.RejectCorrection.Input) async throws -> Operations.RejectCorrection.Output {
        let note: String? = if case .json(let body) = input.body { body.note } else { nil }
        let correction = try await frontdesk.rejectCorrection(try caller, try Read.pathID(input.path.id, "correction"),
                                                              note: note)
        return .ok(.init(body: .json(try .init(correction))))
    }

    func applyCorrection(_ input: Operations.ApplyCorrection.Input) async throws -> Operations.ApplyCorrection.Output {
        let correction = try await frontdesk.applyCorrection(try caller, try Read.pathID(input.path.id, "correction"))
        return .ok(.init(body: .json(try .init(correction))))
    }

    /// `value` as its type reads it: an instant for the time updates, an attendance type for the override.
    private static func correctionValue(_ text: String, of type: CorrectionType) throws(FrontdeskError) -> CorrectionRequest.Value {
        switch type {
        case .updateCheckInTime, .updateCheckOutTime:
            do {
                return .instant(try InstantFormat.parse(text))
            } catch {
                throw error.problem("value")
            }
        case .overrideAttendanceType:
            guard let attendanceType = AttendanceType(rawValue: text) else {
                throw .validationFailed([FieldIssue("value", "must be one of "
                    + AttendanceType.allCases.map(\.rawValue).joined(separator: ", "))])
            }
            return .attendanceType(attendanceType)
        case .addMissingAttendance, .deleteDuplicate:
            throw .validationFailed([FieldIssue("value", "is not taken by \(type.rawValue)")])
        }
    }
}
