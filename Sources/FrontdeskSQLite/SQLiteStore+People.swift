import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore: PeopleStore {
    public func insertUser(_ user: User) async throws {
        try await write { db in
            try Self.requireOrganizationExists(user.organizationID, db)
            try Self.checkEmailFree(user, db)
            try db.insert("users", user.columns)
        }
    }

    public func users(_ organizationID: UUID) async throws -> [User] {
        try await read { db in
            try db.cachedRows(sql: "SELECT * FROM users WHERE organization_id = ? ORDER BY created_at, id",
                              arguments: [organizationID.text], User.init(row:))
        }
    }

    public func user(_ organizationID: UUID, _ id: UUID) async throws -> User? {
        try await read { db in try Self.user(organizationID, id, db) }
    }

    public func user(email: String) async throws -> User? {
        try await read { db in
            try db.cachedRow(sql: "SELECT * FROM users WHERE email = ?", arguments: [email], User.init(row:))
        }
    }

    public func user(inviteHash: String) async throws -> User? {
        try await read { db in
            try db.cachedRow(sql: "SELECT * FROM users WHERE invite_hash = ?", arguments: [inviteHash], User.init(row:))
        }
    }

    public func updateUser(
        _ organizationID: UUID, _ id: UUID, _ change: @escaping @Sendable (User) throws -> User
    ) async throws -> User {
        try await write { db in
            guard let current = try Self.user(organizationID, id, db) else {
                throw FrontdeskError.notFound(entity: "user", id: id.text)
            }
            let next = try change(current)
            if next.email != current.email { try Self.checkEmailFree(next, db) }
            try db.update("users", next.columns, previous: current.columns)
            return next
        }
    }

    public func deleteUser(_ organizationID: UUID, _ id: UUID) async throws -> Bool {
        try await write { db in
            try db.run("DELETE FROM users WHERE organization_id = ? AND id = ?", [organizationID.text, id.text])
            return db.changesCount > 0
        }
    }

    public func userCount() async throws -> Int {
        try await read { db in try db.cachedValue(Int.self, sql: "SELECT count(*) FROM users") ?? 0 }
    }

    public func insertSession(_ session: Session) async throws {
        try await write { db in try db.insert("sessions", session.columns) }
    }

    public func session(tokenHash: String) async throws -> (session: Session, user: User)? {
        try await read { db in
            guard let session = try db.cachedRow(sql: "SELECT * FROM sessions WHERE token_hash = ?", arguments: [tokenHash],
                                                 Session.init(row:)),
                  let user = try Self.user(session.organizationID, session.userID, db)
            else { return nil }
            return (session, user)
        }
    }

    public func touchSession(_ id: UUID, at: Date) async throws {
        try await write { db in try db.run("UPDATE sessions SET last_seen_at = ? WHERE id = ?", [at.millis, id.text]) }
    }

    public func deleteSession(_ id: UUID) async throws {
        try await write { db in try db.run("DELETE FROM sessions WHERE id = ?", [id.text]) }
    }

    public func deleteSessions(ofUser userID: UUID) async throws {
        try await write { db in try db.run("DELETE FROM sessions WHERE user_id = ?", [userID.text]) }
    }

    public func signInFailures(_ keys: [String], since: Date) async throws -> [String: [Date]] {
        let sql = "SELECT key, failed_at FROM sign_in_failures WHERE key IN \(placeholders(keys.count)) AND failed_at > ?"
        let values: [(any DatabaseValueConvertible)?] = keys + [since.millis]
        let arguments = StatementArguments(values)
        return try await read { db in
            let rows = try db.rows(sql: sql, arguments: arguments) { row in (row["key"] as String, Date(millis: row["failed_at"])) }
            return Dictionary(grouping: rows, by: \.0).mapValues { $0.map(\.1) }
        }
    }

    public func recordSignInFailure(_ keys: [String], at: Date, forgetBefore: Date) async throws {
        try await write { db in
            try db.run("DELETE FROM sign_in_failures WHERE failed_at < ?", [forgetBefore.millis])
            for key in keys { try db.run("INSERT INTO sign_in_failures (key, failed_at) VALUES (?, ?)", [key, at.millis]) }
        }
    }

    public func clearSignInFailures(_ key: String) async throws {
        try await write { db in try db.run("DELETE FROM sign_in_failures WHERE key = ?", [key]) }
    }

    private static func user(_ organizationID: UUID, _ id: UUID, _ db: Database) throws -> User? {
        try db.cachedRow(sql: "SELECT * FROM users WHERE organization_id = ? AND id = ?",
                         arguments: [organizationID.text, id.text], User.init(row:))
    }

    /// An email is one user's on the whole server: a sign-in names no organization.
    private static func checkEmailFree(_ user: User, _ db: Database) throws {
        if try db.cachedValue(Bool.self, sql: "SELECT 1 FROM users WHERE email = ?", arguments: [user.email]) ?? false {
            throw FrontdeskError.conflict(code: "email_taken", detail: "Another user signs in as \(user.email).")
        }
    }
}

extension User {
    init(row: Row) throws {
        self.init(id: row.uuid("id"), organizationID: row.uuid("organization_id"), email: row["email"], name: row["name"],
                  role: try row.enumeration("role"), locationIDs: try User.locationIDs(stored: row["location_ids"]),
                  passwordHash: row["password_hash"], inviteHash: row["invite_hash"], createdAt: row.date("created_at"),
                  updatedAt: row.date("updated_at"))
    }

    var columns: Columns {
        ["id": id.text, "organization_id": organizationID.text, "email": email, "name": name, "role": role.rawValue,
         "location_ids": storedLocationIDs, "password_hash": passwordHash, "invite_hash": inviteHash,
         "created_at": createdAt.millis, "updated_at": updatedAt.millis]
    }
}

extension Session {
    init(row: Row) {
        self.init(id: row.uuid("id"), organizationID: row.uuid("organization_id"), userID: row.uuid("user_id"),
                  tokenHash: row["token_hash"], createdAt: row.date("created_at"), lastSeenAt: row.date("last_seen_at"))
    }

    var columns: Columns {
        ["id": id.text, "organization_id": organizationID.text, "user_id": userID.text, "token_hash": tokenHash,
         "created_at": createdAt.millis, "last_seen_at": lastSeenAt.millis]
    }
}
