import Foundation
import FrontdeskCore

/// The codes a member shows at the door: given out and withdrawn with `member:write`, listed with
/// `member:read`.
extension Frontdesk {
    public func addCode(
        _ caller: Caller, member memberID: UUID, value: String, kind: MemberCode.Kind, expiresAt: Date? = nil
    ) async throws -> MemberCode {
        try caller.require(.memberWrite)
        let code = MemberCode(id: newID(), organizationID: caller.organizationID, memberID: memberID, value: value,
                              kind: kind, expiresAt: expiresAt, createdAt: now)
        try code.validate()
        try await store.insertCode(code)
        return code
    }

    public func codes(_ caller: Caller, member memberID: UUID) async throws -> [MemberCode] {
        try caller.require(.memberRead)
        return try await store.codes(caller.organizationID, member: memberID)
    }

    public func deleteCode(_ caller: Caller, member memberID: UUID, _ id: UUID) async throws {
        try caller.require(.memberWrite)
        try await store.deleteCode(caller.organizationID, member: memberID, id)
    }
}
