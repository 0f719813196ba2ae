import Foundation
import FrontdeskCore
import FrontdeskEngine

extension PostgresStore: AccessStore {
    @discardableResult
    public func ensureOrganization(_ organization: Organization) async throws -> Bool {
        try await !query("\(SQL.insert(into: "organizations", organization.fields)) ON CONFLICT (id) DO NOTHING RETURNING id")
            .isEmpty
    }

    public func insertOrganization(_ organization: Organization, owner: APIKey) async throws {
        // One statement, so one transaction: the key's foreign key is checked at its end.
        _ = try await query("""
            WITH organization AS (\(SQL.insert(into: "organizations", organization.fields)))
            \(SQL.insert(into: "api_keys", owner.fields))
            """)
    }

    public func organization(_ id: UUID) async throws -> Organization? {
        try await query("SELECT * FROM organizations WHERE id = \(id)").first.map(Organization.init(row:))
    }

    public func updateOrganization(
        _ id: UUID, _ change: @escaping @Sendable (Organization) throws -> Organization
    ) async throws -> Organization {
        try await transaction { connection in
            guard let row = try await connection.rows("SELECT * FROM organizations WHERE id = \(id) FOR NO KEY UPDATE",
                                                      logger: self.logger).first
            else { throw FrontdeskError.notFound(entity: "organization", id: id.text) }
            let next = try change(try Organization(row: row))
            try await connection.run("\(SQL.update("organizations", next.fields)) WHERE id = \(id)", logger: self.logger)
            return next
        }
    }

    public func apiKey(hash: String) async throws -> APIKey? {
        try await query("SELECT * FROM api_keys WHERE hash = \(hash)").first.map(APIKey.init(row:))
    }

    public func insertAPIKey(_ key: APIKey) async throws {
        let fields = key.fields
        let inserted = try await query("""
            INSERT INTO api_keys (\(raw: fields.map(\.column).joined(separator: ", ")))
            SELECT \(SQL(joining: fields.map(\.value), separator: ", "))
            WHERE EXISTS (SELECT 1 FROM organizations WHERE id = \(key.organizationID))
            RETURNING id
            """)
        if inserted.isEmpty { throw FrontdeskError.notFound(entity: "organization", id: key.organizationID.text) }
    }

    public func apiKeys(_ organizationID: UUID) async throws -> [APIKey] {
        try await query("SELECT * FROM api_keys WHERE organization_id = \(organizationID) ORDER BY created_at, id")
            .map(APIKey.init(row:))
    }

    public func deleteAPIKey(_ organizationID: UUID, _ id: UUID) async throws -> Bool {
        try await !query("DELETE FROM api_keys WHERE organization_id = \(organizationID) AND id = \(id) RETURNING id")
            .isEmpty
    }

    public func apiKeyCount() async throws -> Int {
        try await query("SELECT count(*) AS count FROM api_keys").first?.value("count") ?? 0
    }
}
