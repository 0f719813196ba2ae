import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// The organization's audit log as one list: filtered by entity, actor and period, paged, and
/// never another organization's.
@Suite("Audit log")
struct AuditLogConformanceTests {
    @Test(arguments: Backend.enabled)
    func listsTheOrganizationsEntriesByEntityActorAndPeriod(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let room = try await f.makeResource(at: try await f.makeLocation())
            let member = try await f.makeMember()
            let booking = try await f.book(member, room, hours(14, 38))
            let invoice = try #require(try await f.frontdesk.invoices(
                f.owner, filter: InvoiceFilter(bookingID: booking.id), page: PageRequest()).items.first)
            f.clock.advance(by: 60)
            let visit = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: room.id))
            f.clock.advance(by: 60)
            let middle = f.now
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(booking.id))
            f.clock.set(booking.window.start.addingTimeInterval(3 * 3_600))
            try await f.frontdesk.deleteBooking(f.owner, .id(booking.id))
            let other = try await f.makeOrganization()
            _ = try await f.frontdesk.createCheckin(other, CheckinRequest(
                resourceID: try await f.makeResource(other, at: try await f.makeLocation(other)).id))

            func list(_ filter: AuditFilter) async throws -> [AuditEntry] {
                try await collectPages { try await f.frontdesk.auditEntries(f.owner, filter: filter, page: $0) }
            }
            let all = try await list(AuditFilter())
            // Cancelling the booking cancels its invoice, audited with it; making it is not.
            #expect(all.map(\.action) == ["create", "create", "cancel", "cancel", "delete"])
            #expect(all.map(\.entityID) == [booking.id, visit.id, booking.id, invoice.id, booking.id])
            #expect(all.map(\.entityType) == ["booking", "checkin", "booking", "invoice", "booking"])
            #expect(try await list(AuditFilter(entityType: "checkin")).map(\.entityID) == [visit.id])
            #expect(try await list(AuditFilter(entityType: "invoice")).map(\.entityID) == [invoice.id])
            #expect(try await list(AuditFilter(entityType: "booking", entityID: booking.id)).map(\.action)
                        == ["create", "cancel", "delete"])
            #expect(try await list(AuditFilter(entityID: UUID())).isEmpty)
            #expect(try await list(AuditFilter(from: middle)).map(\.action) == ["cancel", "cancel", "delete"])
            #expect(try await list(AuditFilter(to: middle)).map(\.action) == ["create", "create"])
            let owner = try #require(all.first?.actor)
            #expect(try await list(AuditFilter(actorType: owner.type, actorID: owner.id)).count == 5)
            #expect(try await list(AuditFilter(actorType: "system")).isEmpty)
            let pages = try await pageSizes(limit: 3) {
                try await f.frontdesk.auditEntries(f.owner, filter: AuditFilter(), page: $0)
            }
            #expect(pages.sizes == [3, 2] && pages.ids == all.map(\.id))

            await expectError("validation_failed") {
                try await f.frontdesk.auditEntries(f.owner, filter: AuditFilter(entityType: "room"), page: PageRequest())
            }
            await expectError("validation_failed") {
                try await f.frontdesk.auditEntries(f.owner, filter: AuditFilter(from: middle, to: middle), page: PageRequest())
            }
            let viewer = try await f.frontdesk.createKey(f.owner, name: "viewer", role: .viewer)
            await expectError("forbidden") {
                try await f.frontdesk.auditEntries(Caller(key: viewer.key), filter: AuditFilter(), page: PageRequest())
            }
        }
    }
}
