import Foundation
import FrontdeskCore

/// A new organization with the owner key made for it.
public struct CreatedOrganization: Sendable {
    public var organization: Organization
    public var ownerKey: IssuedKey
}

extension Frontdesk {
    /// Makes sure the single-tenant default organization exists.
    public func ensureDefaultOrganization() async throws {
        try await store.ensureOrganization(Organization(id: Organization.defaultID, name: "Frontdesk", createdAt: now))
    }

    public func createOrganization(_ caller: Caller, name: String, patch: OrganizationPatch) async throws -> CreatedOrganization {
        try caller.require(.organizationCreate)
        let organization = patch.applied(to: Organization(id: newID(), name: name, createdAt: now))
        try organization.validate()
        let owner = makeKey(organizationID: organization.id, name: "owner", role: .owner)
        try await store.insertOrganization(organization, owner: owner.key)
        return CreatedOrganization(organization: organization, ownerKey: owner)
    }

    public func organization(_ caller: Caller) async throws -> Organization {
        try caller.require(.settingsRead)
        return try await organization(of: caller)
    }

    public func updateOrganization(_ caller: Caller, _ patch: OrganizationPatch) async throws -> Organization {
        try caller.require(.settingsManage)
        let now = self.now
        return try await store.updateOrganization(caller.organizationID) { current in
            var next = patch.applied(to: current)
            try next.validate()
            next.updatedAt = now
            return next
        }
    }
}
