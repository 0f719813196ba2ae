import Foundation
import FrontdeskCore

/// A key just made, with its secret: shown once, never stored.
public struct IssuedKey: Sendable {
    public var key: APIKey
    public var secret: String
}

extension Frontdesk {
    /// Resolves a bearer secret to its caller, or throws `unauthorized`.
    public func authenticate(secret: String) async throws -> Caller {
        guard secret.hasPrefix("fd_"), let key = try await store.apiKey(hash: KeySecret.hash(secret)) else {
            throw FrontdeskError.unauthorized
        }
        return Caller(key: key)
    }

    func makeKey(organizationID: UUID, name: String, role: Role, isPlatform: Bool = false) -> IssuedKey {
        let secret = KeySecret.generate()
        let key = APIKey(id: newID(), organizationID: organizationID, name: name, role: role,
                         prefix: KeySecret.prefix(secret), hash: KeySecret.hash(secret),
                         isPlatform: isPlatform, createdAt: now)
        return IssuedKey(key: key, secret: secret)
    }

    public func createKey(_ caller: Caller, name: String, role: Role) async throws -> IssuedKey {
        try caller.require(.keyManage)
        var v = Validator()
        v.text(name, "name", required: true)
        v.check(caller.role.mayGrant(role) || caller.key?.isPlatform == true, "role",
                "a \(caller.role.rawValue) key cannot create a \(role.rawValue) key")
        try v.validate()
        let issued = makeKey(organizationID: caller.organizationID, name: name, role: role)
        try await store.insertAPIKey(issued.key)
        return issued
    }

    /// Creates a key without a caller: the CLI and the first start of `serve` use it.
    public func bootstrapKey(organizationID: UUID = Organization.defaultID, name: String, role: Role) async throws -> IssuedKey {
        try await ensureDefaultOrganization()
        var v = Validator()
        v.text(name, "name", required: true)
        try v.validate()
        let issued = makeKey(organizationID: organizationID, name: name, role: role)
        try await store.insertAPIKey(issued.key)
        return issued
    }

    public func keys(_ caller: Caller) async throws -> [APIKey] {
        try caller.require(.keyManage)
        return try await store.apiKeys(caller.organizationID)
    }

    public func deleteKey(_ caller: Caller, id: UUID) async throws {
        try caller.require(.keyManage)
        guard try await store.deleteAPIKey(caller.organizationID, id) else {
            throw FrontdeskError.notFound(entity: "api key", id: id.text)
        }
    }
}
