import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// Organizations and API keys.
@Suite("Organizations and keys")
struct AccessConformanceTests {
    @Test(arguments: Backend.enabled)
    func ensureOrganizationInsertsOnce(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let id = UUID()
            let organization = Organization(id: id, name: "Once", timeZone: "Europe/Paris", currency: "EUR", createdAt: f.now)
            let inserted = try await f.store.ensureOrganization(organization)
            #expect(inserted)
            var renamed = organization
            renamed.name = "Twice"
            let insertedAgain = try await f.store.ensureOrganization(renamed)
            #expect(!insertedAgain)
            #expect(try await f.store.organization(id) == organization)
            #expect(try await f.store.organization(UUID()) == nil)
        }
    }

    @Test(arguments: Backend.enabled)
    func organizationSettingsRoundTrip(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let patch = OrganizationPatch(timeZone: "America/New_York", currency: "CAD", checkInTime: "15:30",
                                          checkOutTime: "10:00", bookingNumberPrefix: "HT", noShowGraceMinutes: 45,
                                          pendingHoldMinutes: 30)
            let other = try await f.makeOrganization(name: "Harbour Hotel", patch: patch)
            let created = try await f.frontdesk.organization(other)
            #expect(created.name == "Harbour Hotel")
            #expect(created.timeZone == "America/New_York")
            #expect(created.currency == "CAD")
            #expect(created.checkInTime == "15:30" && created.checkOutTime == "10:00")
            #expect(created.bookingNumberPrefix == "HT")
            #expect(created.noShowGraceMinutes == 45 && created.pendingHoldMinutes == 30)

            f.clock.advance(by: 60)
            let updated = try await f.frontdesk.updateOrganization(other, OrganizationPatch(name: "Harbour", currency: "USD"))
            #expect(updated.updatedAt == f.now)
            let read = try await f.frontdesk.organization(other)
            #expect(read == updated)
            #expect(read.name == "Harbour" && read.currency == "USD" && read.timeZone == "America/New_York")
            // The default organization is untouched.
            #expect(try await f.frontdesk.organization(f.owner).name == "Frontdesk")
        }
    }

    @Test(arguments: Backend.enabled)
    func keysAuthenticateListAndDelete(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let ownerKey = try #require(f.owner.key)
            let desk = try await f.frontdesk.createKey(f.owner, name: "desk", role: .frontDesk)
            let caller = try await f.frontdesk.authenticate(secret: desk.secret)
            #expect(caller.key == desk.key)
            #expect(caller.organizationID == Organization.defaultID)
            #expect(caller.role == .frontDesk)
            await expectError("unauthorized") { try await f.frontdesk.authenticate(secret: desk.secret + "x") }
            await expectError("unauthorized") { try await f.frontdesk.authenticate(secret: "fd_nothing") }

            let listed = try await f.frontdesk.keys(f.owner)
            #expect(Set(listed.map(\.id)) == [ownerKey.id, desk.key.id])
            #expect(listed.allSatisfy { !$0.hash.isEmpty && $0.hash != desk.secret })
            #expect(try await f.store.apiKeyCount() == 2)

            try await f.frontdesk.deleteKey(f.owner, id: desk.key.id)
            await expectError("unauthorized") { try await f.frontdesk.authenticate(secret: desk.secret) }
            #expect(try await f.frontdesk.keys(f.owner).map(\.id) == [ownerKey.id])
            await expectError("not_found") { try await f.frontdesk.deleteKey(f.owner, id: desk.key.id) }
            #expect(try await f.store.apiKeyCount() == 1)
        }
    }

    @Test(arguments: Backend.enabled)
    func keysOfAnotherOrganizationAreInvisible(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let platform = Frontdesk.platformCaller(now: f.now)
            let created = try await f.frontdesk.createOrganization(platform, name: "B", patch: OrganizationPatch())
            let b = try await f.frontdesk.authenticate(secret: created.ownerKey.secret)
            #expect(b.organizationID == created.organization.id)
            #expect(b.role == .owner)
            let bViewer = try await f.frontdesk.createKey(b, name: "b viewer", role: .viewer)

            let aKeys = try await f.frontdesk.keys(f.owner).map(\.id)
            let aOwner = try #require(f.owner.key)
            #expect(aKeys == [aOwner.id])
            let bOwner = try #require(b.key)
            #expect(Set(try await f.frontdesk.keys(b).map(\.id)) == [bOwner.id, bViewer.key.id])

            await expectError("not_found") { try await f.frontdesk.deleteKey(f.owner, id: bViewer.key.id) }
            #expect(try await f.store.deleteAPIKey(Organization.defaultID, bViewer.key.id) == false)
            #expect(try await f.frontdesk.authenticate(secret: bViewer.secret).key == bViewer.key)
            #expect(try await f.store.apiKeyCount() == 3)
        }
    }
}
