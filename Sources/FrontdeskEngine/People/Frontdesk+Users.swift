import Foundation
import FrontdeskCore

/// A user just made: with the token of their invitation when no password was given (shown once).
public struct CreatedUser: Sendable {
    public var user: User
    public var inviteToken: String?
}

/// The people who sign in to the desk. Managing them requires `user:manage`; a caller gives no
/// role stronger than its own, nor changes or deletes a user whose role is; a caller limited to
/// some locations manages only users limited to some of those.
extension Frontdesk {
    public func createUser(_ caller: Caller, _ input: UserInput) async throws -> CreatedUser {
        try caller.require(.userManage)
        try input.validate(creating: true)
        try Self.checkGrant(caller, input.role!, "role")
        try Self.checkGrant(caller, input.locationIDs ?? [], "location_ids")
        try await checkLocations(input.locationIDs ?? [], caller)
        return try await makeUser(in: caller.organizationID, input)
    }

    /// A user made without a caller: `frontdesk users create` makes the first owner so.
    public func bootstrapUser(organizationID: UUID = Organization.defaultID, _ input: UserInput) async throws -> CreatedUser {
        try await ensureDefaultOrganization()
        try input.validate(creating: true)
        return try await makeUser(in: organizationID, input)
    }

    public func users(_ caller: Caller) async throws -> [User] {
        try caller.require(.userManage)
        return try await store.users(caller.organizationID).filter { caller.manages($0.locationIDs) }
    }

    /// A user; every signed-in person may read their own.
    public func user(_ caller: Caller, _ id: UUID) async throws -> User {
        if caller.kind != .person(id) { try caller.require(.userManage) }
        guard let user = try await store.user(caller.organizationID, id) else {
            throw FrontdeskError.notFound(entity: "user", id: id.text)
        }
        return user
    }

    /// Changes a user's email, name, role, locations or password. A new password ends the user's
    /// sessions; a new role or new locations apply from their next request.
    public func updateUser(_ caller: Caller, _ id: UUID, _ patch: UserInput) async throws -> User {
        try caller.require(.userManage)
        try patch.validate(creating: false)
        var v = Validator()
        v.check(patch != UserInput(), "name", "give email, name, role, location_ids or password")
        try v.validate()
        if let role = patch.role { try Self.checkGrant(caller, role, "role") }
        if let locationIDs = patch.locationIDs {
            try Self.checkGrant(caller, locationIDs, "location_ids")
            try await checkLocations(locationIDs, caller)
        }
        let hash = if let password = patch.password { await passwords.hash(password) } else { String?.none }
        let now = self.now
        let user = try await store.updateUser(caller.organizationID, id) { current in
            try Self.checkGrant(caller, current.role, "id")
            try Self.checkGrant(caller, current.locationIDs, "id")
            var next = current
            next.email = patch.email.map(UserInput.normalized) ?? next.email
            next.name = patch.name ?? next.name
            next.role = patch.role ?? next.role
            next.locationIDs = patch.locationIDs ?? next.locationIDs
            if let hash { (next.passwordHash, next.inviteHash) = (hash, nil) }
            next.updatedAt = now
            return next
        }
        if hash != nil { try await store.deleteSessions(ofUser: id) }
        return user
    }

    public func deleteUser(_ caller: Caller, _ id: UUID) async throws {
        let user = try await self.user(caller, id)
        try caller.require(.userManage)
        try Self.checkGrant(caller, user.role, "id")
        try Self.checkGrant(caller, user.locationIDs, "id")
        guard try await store.deleteUser(caller.organizationID, id) else {
            throw FrontdeskError.notFound(entity: "user", id: id.text)
        }
    }

    private func makeUser(in organizationID: UUID, _ input: UserInput) async throws -> CreatedUser {
        let invite = input.password == nil ? "fdi_" + KeySecret.random(40) : nil
        let hash = if let password = input.password { await passwords.hash(password) } else { String?.none }
        let user = User(id: newID(), organizationID: organizationID, email: UserInput.normalized(input.email!),
                        name: input.name!, role: input.role!, locationIDs: input.locationIDs ?? [], passwordHash: hash,
                        inviteHash: invite.map(KeySecret.hash), createdAt: now)
        try await store.insertUser(user)
        return CreatedUser(user: user, inviteToken: invite)
    }

    /// A caller hands out, and manages, no role stronger than its own (as with keys).
    private static func checkGrant(_ caller: Caller, _ role: Role, _ field: String) throws(FrontdeskError) {
        guard caller.role.mayGrant(role) || caller.key?.isPlatform == true else {
            throw .validationFailed([FieldIssue(field, "a \(caller.role.rawValue) cannot manage a \(role.rawValue)")])
        }
    }

    /// A caller limited to some locations hands out, and manages, only some of those.
    private static func checkGrant(_ caller: Caller, _ locationIDs: [UUID], _ field: String) throws(FrontdeskError) {
        guard caller.manages(locationIDs) else {
            throw .validationFailed([FieldIssue(field,
                                                "you see only some locations: a user you manage is limited to some of them")])
        }
    }

    /// Every location a user is limited to is one of the organization's.
    private func checkLocations(_ ids: [UUID], _ caller: Caller) async throws {
        var v = Validator()
        for (index, id) in ids.enumerated() where try await store.location(caller.organizationID, id) == nil {
            v.check(false, "location_ids[\(index)]", "no such location")
        }
        try v.validate()
    }
}
