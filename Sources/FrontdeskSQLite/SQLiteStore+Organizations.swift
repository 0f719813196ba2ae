import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore: AccessStore {
    @discardableResult
    public func ensureOrganization(_ organization: Organization) async throws -> Bool {
        try await write { db in
            let exists = try db.cachedValue(Bool.self, sql: "SELECT 1 FROM organizations WHERE id = ?",
                                            arguments: [organization.id.text]) ?? false
            if !exists { try db.insert("organizations", organization.columns) }
            return !exists
        }
    }

    public func insertOrganization(_ organization: Organization, owner: APIKey) async throws {
        try await write { db in
            try db.insert("organizations", organization.columns)
            try Self.insertKey(owner, db)
        }
    }

    public func organization(_ id: UUID) async throws -> Organization? {
        try await read { db in try Self.organization(id, db) }
    }

    public func updateOrganization(
        _ id: UUID, _ change: @escaping @Sendable (Organization) throws -> Organization
    ) async throws -> Organization {
        try await write { db in
            let next = try change(try Self.requireOrganization(id, db))
            try db.update("organizations", next.columns, scoped: false)
            return next
        }
    }

    public func apiKey(hash: String) async throws -> APIKey? {
        try await read { db in
            try db.cachedRow(sql: "SELECT * FROM api_keys WHERE hash = ?", arguments: [hash], APIKey.init(row:))
        }
    }

    public func insertAPIKey(_ key: APIKey) async throws {
        try await write { db in
            try Self.requireOrganizationExists(key.organizationID, db)
            try Self.insertKey(key, db)
        }
    }

    /// What a row of an organization needs first: its organization (else a 404), checked without reading it.
    static func requireOrganizationExists(_ id: UUID, _ db: Database) throws {
        guard try db.cachedValue(Bool.self, sql: "SELECT 1 FROM organizations WHERE id = ?", arguments: [id.text]) ?? false
        else { throw FrontdeskError.notFound(entity: "organization", id: id.text) }
    }

    static func insertKey(_ key: APIKey, _ db: Database) throws {
        try db.cachedExecute(sql: """
            INSERT INTO api_keys (id, organization_id, name, role, prefix, hash, is_platform, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [key.id.text, key.organizationID.text, key.name, key.role.rawValue, key.prefix, key.hash,
                             key.isPlatform, key.createdAt.millis])
    }

    public func apiKeys(_ organizationID: UUID) async throws -> [APIKey] {
        try await read { db in
            try db.cachedRows(sql: "SELECT * FROM api_keys WHERE organization_id = ? ORDER BY created_at, id",
                              arguments: [organizationID.text], APIKey.init(row:))
        }
    }

    public func deleteAPIKey(_ organizationID: UUID, _ id: UUID) async throws -> Bool {
        try await write { db in
            try db.cachedExecute(sql: "DELETE FROM api_keys WHERE organization_id = ? AND id = ?",
                                 arguments: [organizationID.text, id.text])
            return db.changesCount > 0
        }
    }

    public func apiKeyCount() async throws -> Int {
        try await read { db in try db.cachedValue(Int.self, sql: "SELECT count(*) FROM api_keys") ?? 0 }
    }
}
