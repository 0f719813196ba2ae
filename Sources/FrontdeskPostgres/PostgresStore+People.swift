import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

extension PostgresStore: PeopleStore {
    public func insertUser(_ user: User) async throws {
        let fields = user.fields
        let inserted = try await query("""
            INSERT INTO users (\(raw: fields.map(\.column).joined(separator: ", ")))
            SELECT \(SQL(joining: fields.map(\.value), separator: ", "))
            WHERE EXISTS (SELECT 1 FROM organizations WHERE id = \(user.organizationID))
            ON CONFLICT (email) DO NOTHING
            RETURNING id
            """)
        guard inserted.isEmpty else { return }
        guard try await organization(user.organizationID) != nil else {
            throw FrontdeskError.notFound(entity: "organization", id: user.organizationID.text)
        }
        throw Self.emailTaken(user.email)
    }

    public func users(_ organizationID: UUID) async throws -> [User] {
        try await query("SELECT * FROM users WHERE organization_id = \(organizationID) ORDER BY created_at, id")
            .map(User.init(row:))
    }

    public func user(_ organizationID: UUID, _ id: UUID) async throws -> User? {
        try await query("SELECT * FROM users WHERE organization_id = \(organizationID) AND id = \(id)").first
            .map(User.init(row:))
    }

    public func user(email: String) async throws -> User? {
        try await query("SELECT * FROM users WHERE email = \(email)").first.map(User.init(row:))
    }

    public func user(inviteHash: String) async throws -> User? {
        try await query("SELECT * FROM users WHERE invite_hash = \(inviteHash)").first.map(User.init(row:))
    }

    public func updateUser(
        _ organizationID: UUID, _ id: UUID, _ change: @escaping @Sendable (User) throws -> User
    ) async throws -> User {
        try await transaction { connection in
            guard let row = try await connection.rows(
                "SELECT * FROM users WHERE organization_id = \(organizationID) AND id = \(id) FOR UPDATE", logger: self.logger
            ).first else { throw FrontdeskError.notFound(entity: "user", id: id.text) }
            let current = try User(row: row)
            let next = try change(current)
            if next.email != current.email,
               try await !connection.rows("SELECT 1 FROM users WHERE email = \(next.email)", logger: self.logger).isEmpty {
                throw Self.emailTaken(next.email)
            }
            try await connection.run("\(SQL.update("users", next.fields)) WHERE id = \(id)", logger: self.logger)
            return next
        }
    }

    public func deleteUser(_ organizationID: UUID, _ id: UUID) async throws -> Bool {
        try await !query("DELETE FROM users WHERE organization_id = \(organizationID) AND id = \(id) RETURNING id").isEmpty
    }

    public func userCount() async throws -> Int {
        try await query("SELECT count(*) AS count FROM users").first?.value("count") ?? 0
    }

    public func insertSession(_ session: Session) async throws {
        _ = try await query(SQL.insert(into: "sessions", session.fields))
    }

    public func session(tokenHash: String) async throws -> (session: Session, user: User)? {
        guard let row = try await query("""
            SELECT s.id AS session_id, s.user_id, s.token_hash, s.created_at AS session_created_at, s.last_seen_at, u.*
            FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = \(tokenHash)
            """).first else { return nil }
        let user = try User(row: row)
        return (Session(id: try row.value("session_id"), organizationID: user.organizationID, userID: user.id,
                        tokenHash: try row.value("token_hash"), createdAt: try row.date("session_created_at"),
                        lastSeenAt: try row.date("last_seen_at")), user)
    }

    public func touchSession(_ id: UUID, at: Date) async throws {
        _ = try await query("UPDATE sessions SET last_seen_at = \(at) WHERE id = \(id)")
    }

    public func deleteSession(_ id: UUID) async throws {
        _ = try await query("DELETE FROM sessions WHERE id = \(id)")
    }

    public func deleteSessions(ofUser userID: UUID) async throws {
        _ = try await query("DELETE FROM sessions WHERE user_id = \(userID)")
    }

    public func signInFailures(_ keys: [String], since: Date) async throws -> [String: [Date]] {
        let rows = try await query("SELECT key, failed_at FROM sign_in_failures WHERE key = ANY(\(keys)) AND failed_at > \(since)")
        var failures: [String: [Date]] = [:]
        for row in rows { failures[try row.value("key"), default: []].append(try row.date("failed_at")) }
        return failures
    }

    public func recordSignInFailure(_ keys: [String], at: Date, forgetBefore: Date) async throws {
        try await transaction { connection in
            try await connection.run("DELETE FROM sign_in_failures WHERE failed_at < \(forgetBefore)", logger: self.logger)
            try await connection.run("INSERT INTO sign_in_failures (key, failed_at) SELECT unnest(\(keys)::text[]), \(at)",
                                     logger: self.logger)
        }
    }

    public func clearSignInFailures(_ key: String) async throws {
        _ = try await query("DELETE FROM sign_in_failures WHERE key = \(key)")
    }

    private static func emailTaken(_ email: String) -> FrontdeskError {
        .conflict(code: "email_taken", detail: "Another user signs in as \(email).")
    }
}

extension User {
    init(row: PostgresRandomAccessRow) throws {
        self.init(
            id: try row.value("id"), organizationID: try row.value("organization_id"), email: try row.value("email"),
            name: try row.value("name"), role: try row.enum("role"),
            locationIDs: try User.locationIDs(stored: try row.value("location_ids")),
            passwordHash: try row.value("password_hash"), inviteHash: try row.value("invite_hash"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    var fields: Fields {
        [("id", "\(id)"), ("organization_id", "\(organizationID)"), ("email", "\(email)"), ("name", "\(name)"),
         ("role", "\(role.rawValue)"), ("location_ids", "\(storedLocationIDs)"), ("password_hash", "\(passwordHash)"),
         ("invite_hash", "\(inviteHash)"), ("created_at", "\(createdAt)"), ("updated_at", "\(updatedAt)")]
    }
}

extension Session {
    var fields: Fields {
        [("id", "\(id)"), ("organization_id", "\(organizationID)"), ("user_id", "\(userID)"), ("token_hash", "\(tokenHash)"),
         ("created_at", "\(createdAt)"), ("last_seen_at", "\(lastSeenAt)")]
    }
}
