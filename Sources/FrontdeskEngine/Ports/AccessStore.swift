import Foundation
import FrontdeskCore

/// Who may call: organizations and their API keys.
public protocol AccessStore: Sendable {
    /// Inserts the organization unless one with its id exists. Returns whether it inserted.
    @discardableResult
    func ensureOrganization(_ organization: Organization) async throws -> Bool
    func insertOrganization(_ organization: Organization, owner: APIKey) async throws
    func organization(_ id: UUID) async throws -> Organization?
    func updateOrganization(
        _ id: UUID, _ change: @escaping @Sendable (Organization) throws -> Organization
    ) async throws -> Organization

    func apiKey(hash: String) async throws -> APIKey?
    func insertAPIKey(_ key: APIKey) async throws
    func apiKeys(_ organizationID: UUID) async throws -> [APIKey]
    /// Returns whether a key was deleted.
    func deleteAPIKey(_ organizationID: UUID, _ id: UUID) async throws -> Bool
    func apiKeyCount() async throws -> Int
}
