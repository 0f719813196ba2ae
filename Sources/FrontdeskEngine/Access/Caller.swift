import Foundation
import FrontdeskCore

/// The authenticated key behind a call: which organization it acts in and what it may do. Or the
/// server itself, moving on what time has decided (`system`).
public struct Caller: Sendable, Hashable {
    public var key: APIKey
    /// Who the audit log names: the key, or the server.
    public let actor: Actor

    public init(key: APIKey) {
        self.key = key
        actor = .key(key)
    }

    private init(key: APIKey, actor: Actor) {
        self.key = key
        self.actor = actor
    }

    /// The server acting in an organization with every permission of its owner, as the sweeper
    /// does: what plugin hooks are told for the transitions no key asked for. It is no stored key.
    public static func system(_ organizationID: UUID) -> Caller {
        Caller(key: APIKey(id: UUID(uuidString: "00000000-0000-0000-0000-000000000005")!, organizationID: organizationID,
                           name: Actor.system.name, role: .owner, prefix: "system", hash: "",
                           createdAt: Date(timeIntervalSince1970: 0)),
               actor: .system)
    }

    public var organizationID: UUID { key.organizationID }

    /// Whose `Idempotency-Key`s this caller's are: its organization and who the audit names.
    public var idempotencyScope: IdempotencyScope {
        IdempotencyScope(organizationID: organizationID, caller: "\(actor.type):\(actor.id)")
    }

    public var permissions: Set<Permission> {
        key.isPlatform ? key.role.permissions.union([.organizationCreate]) : key.role.permissions
    }

    public func require(_ permission: Permission) throws(FrontdeskError) {
        guard permissions.contains(permission) else { throw .forbidden(missing: permission) }
    }
}
