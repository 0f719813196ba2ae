import Foundation

/// A person who works at the desk: signs in with an email and a password, acts with a role in
/// one organization, and may be limited to some of its locations.
public struct User: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    /// Lowercase; one user per email on the server, so a sign-in names no organization.
    public var email: String
    public var name: String
    public var role: Role
    /// The locations the user works at; empty: every location.
    public var locationIDs: [UUID]
    /// The password's bcrypt hash; nil until the invitation is accepted.
    public var passwordHash: String?
    /// The SHA-256 of the one-time invitation token, while the invitation is open.
    public var inviteHash: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, organizationID: UUID, email: String, name: String, role: Role, locationIDs: [UUID] = [],
                passwordHash: String? = nil, inviteHash: String? = nil, createdAt: Date, updatedAt: Date? = nil) {
        self.id = id
        self.organizationID = organizationID
        self.email = email
        self.name = name
        self.role = role
        self.locationIDs = locationIDs
        self.passwordHash = passwordHash
        self.inviteHash = inviteHash
        self.createdAt = createdAt.truncatedToMilliseconds
        self.updatedAt = (updatedAt ?? createdAt).truncatedToMilliseconds
    }

    /// `invited` until a password is set, then `active`.
    public var status: String { passwordHash == nil ? "invited" : "active" }
}

/// A user as a client asks for one, or a change of one (every field optional then).
public struct UserInput: Sendable, Hashable {
    public var email: String?
    public var name: String?
    public var role: Role?
    public var locationIDs: [UUID]?
    /// Set now; without one, a new user gets an invitation to set it.
    public var password: String?

    public init(email: String? = nil, name: String? = nil, role: Role? = nil, locationIDs: [UUID]? = nil,
                password: String? = nil) {
        self.email = email
        self.name = name
        self.role = role
        self.locationIDs = locationIDs
        self.password = password
    }

    /// The email as stored: trimmed of spaces, lowercase.
    public static func normalized(_ email: String) -> String {
        String(email.unicodeScalars.filter { !$0.properties.isWhitespace }).lowercased()
    }

    /// The rules of every field given; `creating` requires email, name and role.
    public func validate(creating: Bool) throws(FrontdeskError) {
        var v = Validator()
        v.email(email.map(Self.normalized), "email", required: creating || email != nil)
        v.text(name, "name", required: creating)
        v.check(!creating || role != nil, "role", "is required")
        if let locationIDs {
            v.check(locationIDs.count <= 100, "location_ids", "names at most 100 locations")
            v.check(Set(locationIDs).count == locationIDs.count, "location_ids", "must not repeat a location")
        }
        if let password { Self.checkPassword(password, "password", &v) }
        try v.validate()
    }

    /// At least 10 characters, at most 72 bytes (what bcrypt reads), no NUL.
    public static func checkPassword(_ password: String, _ field: String, _ v: inout Validator) {
        v.check(password.unicodeScalars.count >= 10, field, "must be at least 10 characters")
        v.check(password.utf8.count <= 72, field, "must be at most 72 bytes")
        v.check(!password.utf8.contains(0), field, Validator.nulMessage)
    }
}

extension User {
    /// `locationIDs` as both engines store them: the ids joined by commas, empty for every location.
    public var storedLocationIDs: String { locationIDs.map(\.text).joined(separator: ",") }

    /// The ids of `storedLocationIDs` read back; a value no build wrote is a store's error.
    public static func locationIDs(stored: String) throws -> [UUID] {
        try stored.split(separator: ",").map { text in
            guard let id = UUID(text: String(text)) else { throw UnreadableLocationIDs(stored: stored) }
            return id
        }
    }
}

/// A user's stored `location_ids` that are not ids.
public struct UnreadableLocationIDs: Error {
    public let stored: String
}
