import Foundation
import FrontdeskCore

extension Frontdesk {
    public func createMember(_ caller: Caller, _ input: MemberInput) async throws -> Member {
        try caller.require(.memberWrite)
        let member = try member(input, caller)
        try await store.insertMember(member)
        return member
    }

    /// A new member of the caller's organization as `input` describes them, validated (issues
    /// named with `field` before each field).
    func member(_ input: MemberInput, _ caller: Caller, field: String = "") throws(FrontdeskError) -> Member {
        let blank = Member(id: newID(), organizationID: caller.organizationID, type: "guest", name: "",
                           email: nil, phone: nil, externalRef: nil, notes: nil, createdAt: now)
        let member = input.applied(to: blank)
        do {
            try member.validate()
        } catch .validationFailed(let issues) {
            throw .validationFailed(issues.map { FieldIssue(field + $0.field, $0.message) })
        }
        return member
    }

    public func member(_ caller: Caller, _ id: UUID) async throws -> Member {
        try caller.require(.memberRead)
        guard let member = try await store.member(caller.organizationID, id) else {
            throw FrontdeskError.notFound(entity: Member.entityName, id: id.text)
        }
        return member
    }

    public func members(_ caller: Caller, filter: MemberFilter, page: PageRequest) async throws -> Page<Member> {
        try caller.require(.memberRead)
        var v = Validator()
        v.text(filter.query, "q", max: 200)
        v.text(filter.code, "code", max: 200)
        v.text(filter.externalRef, "external_ref", max: 200)
        try v.validate()
        return try await store.members(caller.organizationID, filter: filter, page: page)
    }

    public func updateMember(_ caller: Caller, _ id: UUID, _ input: MemberInput) async throws -> Member {
        try caller.require(.memberWrite)
        let now = self.now
        return try await store.updateMember(caller.organizationID, id) { current in
            var next = input.applied(to: current)
            try next.validate()
            next.updatedAt = now
            return next
        }
    }

    public func deleteMember(_ caller: Caller, _ id: UUID) async throws {
        try caller.require(.memberWrite)
        try await store.deleteMember(caller.organizationID, id)
    }
}
