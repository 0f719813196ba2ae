import Foundation
import FrontdeskCore

/// The authenticated key behind a call: which organization it acts in and what it may do.
public struct Caller: Sendable, Hashable {
    public var key: APIKey

    public init(key: APIKey) { self.key = key }

    public var organizationID: UUID { key.organizationID }
    public var actor: Actor { .key(key) }

    public var permissions: Set<Permission> {
        key.isPlatform ? key.role.permissions.union([.organizationCreate]) : key.role.permissions
    }

    public func require(_ permission: Permission) throws(FrontdeskError) {
        guard permissions.contains(permission) else { throw .forbidden(missing: permission) }
    }
}
