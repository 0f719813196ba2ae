import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func createMember(_ input: Operations.CreateMember.Input) async throws -> Operations.CreateMember.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let member = try await frontdesk.createMember(try caller, try MemberInput(body))
        return .created(.init(body: .json(try .init(member))))
    }

    func listMembers(_ input: Operations.ListMembers.Input) async throws -> Operations.ListMembers.Output {
        let page = try await frontdesk.members(
            try caller, filter: MemberFilter(query: input.query.q, code: input.query.code, externalRef: input.query.externalRef),
            page: try PageRequest(limit: input.query.limit, cursor: input.query.cursor, list: .members))
        return .ok(.init(body: .json(.init(items: try page.items.map(Components.Schemas.Member.init), nextCursor: page.nextCursor(in: .members)))))
    }

    func getMember(_ input: Operations.GetMember.Input) async throws -> Operations.GetMember.Output {
        let member = try await frontdesk.member(try caller, try Read.pathID(input.path.id, "member"))
        return .ok(.init(body: .json(try .init(member))))
    }

    func updateMember(_ input: Operations.UpdateMember.Input) async throws -> Operations.UpdateMember.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let member = try await frontdesk.updateMember(try caller, try Read.pathID(input.path.id, "member"), try MemberInput(
            type: body._type, name: body.name, email: body.email, phone: body.phone, externalRef: body.externalRef,
            notes: body.notes, status: body.status.map { try .init(matching: $0) }, attendanceEnabled: body.attendanceEnabled,
            schedule: try body.schedule.map { try Schedule($0, "schedule") }))
        return .ok(.init(body: .json(try .init(member))))
    }

    func deleteMember(_ input: Operations.DeleteMember.Input) async throws -> Operations.DeleteMember.Output {
        try await frontdesk.deleteMember(try caller, try Read.pathID(input.path.id, "member"))
        return .noContent(.init())
    }

    func createMemberCode(_ input: Operations.CreateMemberCode.Input) async throws -> Operations.CreateMemberCode.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let code = try await frontdesk.addCode(try caller, member: try Read.pathID(input.path.id, "member"),
                                               value: body.value, kind: try .init(matching: body.kind),
                                               expiresAt: body.expiresAt)
        return .created(.init(body: .json(try .init(code))))
    }

    func listMemberCodes(_ input: Operations.ListMemberCodes.Input) async throws -> Operations.ListMemberCodes.Output {
        let codes = try await frontdesk.codes(try caller, member: try Read.pathID(input.path.id, "member"))
        return .ok(.init(body: .json(.init(items: try codes.map(Components.Schemas.MemberCode.init)))))
    }

    func deleteMemberCode(_ input: Operations.DeleteMemberCode.Input) async throws -> Operations.DeleteMemberCode.Output {
        try await frontdesk.deleteCode(try caller, member: try Read.pathID(input.path.id, "member"),
                                       try Read.pathID(input.path.codeId, "code"))
        return .noContent(.init())
    }
}

extension MemberInput {
    /// A new member as `POST /members` (or a booking's `member`) gives them.
    init(_ body: Components.Schemas.MemberCreate) throws {
        try self.init(
            type: body._type, name: body.name, email: body.email, phone: body.phone, externalRef: body.externalRef,
            notes: body.notes, status: body.status.map { try .init(matching: $0) }, attendanceEnabled: body.attendanceEnabled,
            schedule: try body.schedule.map { try Schedule($0, "schedule") })
    }
}
