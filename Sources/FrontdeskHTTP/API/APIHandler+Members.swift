import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func createMember(_ input: Operations.CreateMember.Input) async throws -> Operations.CreateMember.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let member = try await frontdesk.createMember(try caller, MemberInput(
            type: body._type, name: body.name, email: body.email, phone: body.phone, externalRef: body.externalRef,
            notes: body.notes))
        return .created(.init(body: .json(.init(member))))
    }

    func listMembers(_ input: Operations.ListMembers.Input) async throws -> Operations.ListMembers.Output {
        let page = try await frontdesk.members(
            try caller, filter: MemberFilter(query: input.query.q),
            page: try PageRequest(limit: input.query.limit, cursor: input.query.cursor, list: .members))
        return .ok(.init(body: .json(.init(items: page.items.map(Components.Schemas.Member.init), nextCursor: page.nextCursor(in: .members)))))
    }

    func getMember(_ input: Operations.GetMember.Input) async throws -> Operations.GetMember.Output {
        let member = try await frontdesk.member(try caller, try Read.pathID(input.path.id, "member"))
        return .ok(.init(body: .json(.init(member))))
    }

    func updateMember(_ input: Operations.UpdateMember.Input) async throws -> Operations.UpdateMember.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let member = try await frontdesk.updateMember(try caller, try Read.pathID(input.path.id, "member"), MemberInput(
            type: body._type, name: body.name, email: body.email, phone: body.phone, externalRef: body.externalRef,
            notes: body.notes))
        return .ok(.init(body: .json(.init(member))))
    }

    func deleteMember(_ input: Operations.DeleteMember.Input) async throws -> Operations.DeleteMember.Output {
        try await frontdesk.deleteMember(try caller, try Read.pathID(input.path.id, "member"))
        return .noContent(.init())
    }
}
