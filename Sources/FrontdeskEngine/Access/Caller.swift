import Foundation
import FrontdeskCore

/// Who calls a use case: an API key, a person signed in (the web desk), or the server itself. A
/// use case asks only what every kind answers: the organization it acts in, what it may do, and
/// whom the audit log names.
public struct Caller: Sendable, Hashable {
    /// What stands behind a call.
    public enum Kind: Sendable, Hashable {
        /// A stored API key, or the platform key of the environment.
        case key(APIKey)
        /// A person signed in, by their user id.
        case person(UUID)
        /// The server itself, moving on what time has decided (the sweeper).
        case system
    }

    public let organizationID: UUID
    public let role: Role
    public let permissions: Set<Permission>
    public let kind: Kind
    /// Who the audit log names: the key, the person, or the server.
    public let actor: Actor
    /// The locations a person limited to some works at (`User.locationIDs`); nil: every location.
    public let locationIDs: Set<UUID>?

    public init(key: APIKey) {
        organizationID = key.organizationID
        role = key.role
        permissions = key.isPlatform ? Self.platformPermissions : key.role.permissions
        kind = .key(key)
        actor = .key(key)
        locationIDs = nil
    }

    /// The platform key's (an owner's, `Frontdesk.platformCaller`), and making organizations.
    private static let platformPermissions = Role.owner.permissions.union([.organizationCreate])

    /// A person acting in `organizationID` with `role`, named `name` in the audit log, limited to
    /// `locationIDs` when some are given.
    public init(person id: UUID, name: String, organizationID: UUID, role: Role, locationIDs: [UUID] = []) {
        self.organizationID = organizationID
        self.role = role
        permissions = role.permissions
        kind = .person(id)
        actor = .person(id: id, name: name)
        self.locationIDs = locationIDs.isEmpty ? nil : Set(locationIDs)
    }

    /// A signed-in user, as their session acts.
    public init(user: User) {
        self.init(person: user.id, name: user.name, organizationID: user.organizationID, role: user.role,
                  locationIDs: user.locationIDs)
    }

    private init(system organizationID: UUID) {
        self.organizationID = organizationID
        role = .owner
        permissions = Role.owner.permissions
        kind = .system
        actor = .system
        locationIDs = nil
    }

    /// The server acting in an organization with every permission of its owner, as the sweeper
    /// does: what plugin hooks are told for the transitions no key asked for.
    public static func system(_ organizationID: UUID) -> Caller {
        Caller(system: organizationID)
    }

    /// The key behind the call, when a key is.
    public var key: APIKey? {
        if case .key(let key) = kind { key } else { nil }
    }

    /// Whose `Idempotency-Key`s this caller's are: its organization and who the audit names.
    public var idempotencyScope: IdempotencyScope {
        IdempotencyScope(organizationID: organizationID, caller: "\(actor.type):\(actor.id)")
    }

    public func require(_ permission: Permission) throws(FrontdeskError) {
        guard permissions.contains(permission) else { throw .forbidden(missing: permission) }
    }
}
