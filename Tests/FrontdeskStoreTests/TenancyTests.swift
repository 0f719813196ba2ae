import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// Another organization's ids are simply not found, and its lists are its own.
@Suite("Tenancy")
struct TenancyTests {
    @Test(arguments: Backend.enabled)
    func anotherOrganizationSeesNothing(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let resource = try await f.makeResource(at: location)
            let member = try await f.makeMember()
            let booking = try await f.book(member, resource, hours(14, 38))
            let b = try await f.makeOrganization()
            let fd = f.frontdesk

            await expectError("not_found") { try await fd.location(b, location.id) }
            await expectError("not_found") { try await fd.updateLocation(b, location.id, LocationInput(name: "Mine")) }
            await expectError("not_found") { try await fd.deleteLocation(b, location.id) }
            await expectError("not_found") { try await fd.resource(b, resource.id) }
            await expectError("not_found") { try await fd.updateResource(b, resource.id, ResourceInput(name: "Mine")) }
            await expectError("not_found") { try await fd.deleteResource(b, resource.id) }
            await expectError("not_found") { try await fd.member(b, member.id) }
            await expectError("not_found") { try await fd.updateMember(b, member.id, MemberInput(name: "Mine")) }
            await expectError("not_found") { try await fd.deleteMember(b, member.id) }
            await expectError("not_found") { try await fd.booking(b, .id(booking.id)) }
            await expectError("not_found") { try await fd.booking(b, .number(booking.number)) }
            await expectError("not_found") { try await fd.perform(b, .cancel, on: .id(booking.id)) }
            await expectError("not_found") { try await fd.perform(b, .checkIn, on: .number(booking.number)) }
            await expectError("not_found") { try await fd.updateBooking(b, .id(booking.id), BookingPatch(notes: "Mine")) }
            await expectError("not_found") { try await fd.deleteBooking(b, .id(booking.id)) }
            await expectError("not_found") { try await fd.bookingAudit(b, .id(booking.id)) }

            #expect(try await fd.locations(b, page: PageRequest()).items.isEmpty)
            #expect(try await fd.resources(b, filter: ResourceFilter(), page: PageRequest()).items.isEmpty)
            #expect(try await fd.resources(b, filter: ResourceFilter(locationIDs: [location.id]), page: PageRequest()).items.isEmpty)
            #expect(try await fd.members(b, filter: MemberFilter(), page: PageRequest()).items.isEmpty)
            #expect(try await fd.members(b, filter: MemberFilter(query: "Ada"), page: PageRequest()).items.isEmpty)
            #expect(try await f.allBookings(b).isEmpty)
            #expect(try await f.allBookings(b, filter: BookingFilter(memberID: member.id)).isEmpty)
            #expect(try await f.allBookings(b, filter: BookingFilter(resourceID: resource.id)).isEmpty)
            #expect(try await f.allEvents(b).isEmpty)
            let availability = try await fd.availability(b, window: .instants(hours(14, 38)), filter: ResourceFilter())
            #expect(availability.available.isEmpty && availability.unavailable.isEmpty)
            #expect(try await f.store.resourceDesks(b.organizationID, [resource.id]).isEmpty)

            // Nothing of A changed.
            #expect(try await fd.location(f.owner, location.id) == location)
            #expect(try await fd.resource(f.owner, resource.id) == resource)
            #expect(try await fd.member(f.owner, member.id) == member)
            #expect(try await fd.booking(f.owner, .id(booking.id)) == booking)
            #expect(try await f.allEvents().map(\.type) == [.bookingCreated, .invoiceCreated])
        }
    }

    @Test(arguments: Backend.enabled)
    func bookingsCannotReachAcrossOrganizations(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let ourResource = try await f.makeResource(at: try await f.makeLocation())
            let ourMember = try await f.makeMember()
            let b = try await f.makeOrganization()
            let theirResource = try await f.makeResource(b, at: try await f.makeLocation(b))
            let theirMember = try await f.makeMember(b)

            let byResource = await expectError("validation_failed") {
                try await f.book(b, theirMember, ourResource, hours(14, 38))
            }
            if case .validationFailed(let issues)? = byResource { #expect(issues.map(\.field) == ["lines[0].resource_id"]) }
            let byMember = await expectError("validation_failed") {
                try await f.book(b, ourMember, theirResource, hours(14, 38))
            }
            if case .validationFailed(let issues)? = byMember { #expect(issues.map(\.field) == ["member_id"]) }
            #expect(try await f.allBookings(b).isEmpty)
            #expect(try await f.allEvents(b).isEmpty)

            // Both can book their own resources for the same window.
            let ours = try await f.book(ourMember, ourResource, hours(14, 38))
            let theirs = try await f.book(b, theirMember, theirResource, hours(14, 38))
            backend.expectNumbers([ours.number], ["BK-2026-0001"])
            backend.expectNumbers([theirs.number], ["BK-2026-0001"])
            #expect(try await f.allBookings().map(\.id) == [ours.id])
            #expect(try await f.allBookings(b).map(\.id) == [theirs.id])
        }
    }
}
