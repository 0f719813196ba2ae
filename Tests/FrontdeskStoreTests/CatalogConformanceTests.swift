import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// Locations, resources and members: create, read, update, soft delete, filters, pages.
@Suite("Catalog")
struct CatalogConformanceTests {
    @Test(arguments: Backend.enabled)
    func locationLifecycle(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let created = try await f.makeLocation(name: "Harbour", timeZone: "Europe/Lisbon")
            #expect(try await f.frontdesk.location(f.owner, created.id) == created)

            f.clock.advance(by: 60)
            let updated = try await f.frontdesk.updateLocation(f.owner, created.id, LocationInput(name: "Harbour Front"))
            #expect(updated.name == "Harbour Front")
            #expect(updated.timeZone == "Europe/Lisbon")
            #expect(updated.createdAt == created.createdAt)
            #expect(updated.updatedAt == f.now)
            #expect(try await f.frontdesk.location(f.owner, created.id) == updated)

            let cleared = try await f.frontdesk.updateLocation(f.owner, created.id, LocationInput(timeZone: ""))
            #expect(cleared.timeZone == nil)
            #expect(try await f.frontdesk.location(f.owner, created.id).timeZone == nil)

            try await f.frontdesk.deleteLocation(f.owner, created.id)
            await expectError("not_found") { try await f.frontdesk.location(f.owner, created.id) }
            await expectError("not_found") { try await f.frontdesk.updateLocation(f.owner, created.id, LocationInput(name: "X")) }
            await expectError("not_found") { try await f.frontdesk.deleteLocation(f.owner, created.id) }
            #expect(try await f.frontdesk.locations(f.owner, page: PageRequest()).items.isEmpty)
        }
    }

    @Test(arguments: Backend.enabled)
    func resourceLifecycle(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let created = try await f.makeResource(at: location, name: "Room 101", kind: "room", category: "double",
                                                   capacity: 2, rate: 12_900, unit: .night)
            #expect(try await f.frontdesk.resource(f.owner, created.id) == created)

            f.clock.advance(by: 60)
            let updated = try await f.frontdesk.updateResource(f.owner, created.id, ResourceInput(
                name: "Room 101 (sea view)", category: "", capacity: 3, rateAmount: 15_000, rateUnit: .day,
                status: .outOfService))
            #expect(updated.name == "Room 101 (sea view)")
            #expect(updated.category == nil)
            #expect(updated.capacity == 3 && updated.rateAmount == 15_000 && updated.rateUnit == .day)
            #expect(updated.status == .outOfService)
            #expect(updated.updatedAt == f.now && updated.createdAt == created.createdAt)
            #expect(try await f.frontdesk.resource(f.owner, created.id) == updated)

            let other = try await f.makeLocation(name: "Annex")
            let moved = try await f.frontdesk.updateResource(f.owner, created.id, ResourceInput(locationID: other.id))
            #expect(try await f.frontdesk.resource(f.owner, created.id).locationID == other.id)
            #expect(moved.locationID == other.id)

            try await f.frontdesk.deleteResource(f.owner, created.id)
            await expectError("not_found") { try await f.frontdesk.resource(f.owner, created.id) }
            await expectError("not_found") { try await f.frontdesk.updateResource(f.owner, created.id, ResourceInput(name: "X")) }
            await expectError("not_found") { try await f.frontdesk.deleteResource(f.owner, created.id) }
            #expect(try await f.frontdesk.resources(f.owner, filter: ResourceFilter(), page: PageRequest()).items.isEmpty)
        }
    }

    @Test(arguments: Backend.enabled)
    func memberLifecycle(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let created = try await f.frontdesk.createMember(f.owner, MemberInput(
                type: "student", name: "Grace Hopper", email: "grace@navy.example", phone: "+1 555 0100",
                externalRef: "S-1", notes: "front row"))
            #expect(try await f.frontdesk.member(f.owner, created.id) == created)

            f.clock.advance(by: 60)
            let updated = try await f.frontdesk.updateMember(f.owner, created.id, MemberInput(email: "", notes: "back row"))
            #expect(updated.email == nil && updated.notes == "back row")
            #expect(updated.phone == "+1 555 0100" && updated.type == "student" && updated.externalRef == "S-1")
            #expect(updated.updatedAt == f.now)
            #expect(try await f.frontdesk.member(f.owner, created.id) == updated)

            try await f.frontdesk.deleteMember(f.owner, created.id)
            await expectError("not_found") { try await f.frontdesk.member(f.owner, created.id) }
            await expectError("not_found") { try await f.frontdesk.updateMember(f.owner, created.id, MemberInput(name: "X")) }
            await expectError("not_found") { try await f.frontdesk.deleteMember(f.owner, created.id) }
            #expect(try await f.frontdesk.members(f.owner, filter: MemberFilter(), page: PageRequest()).items.isEmpty)
        }
    }

    @Test(arguments: Backend.enabled)
    func resourceFilters(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let harbour = try await f.makeLocation(name: "Harbour")
            let hill = try await f.makeLocation(name: "Hill")
            let double = try await f.makeResource(at: harbour, name: "101", kind: "room", category: "double")
            let single = try await f.makeResource(at: harbour, name: "102", kind: "room", category: "single")
            let bike = try await f.makeResource(at: hill, name: "Bike 1", kind: "bike", category: "double")
            let court = try await f.makeResource(at: hill, name: "Court", kind: "court")

            func ids(_ filter: ResourceFilter) async throws -> Set<UUID> {
                Set(try await collectPages { try await f.frontdesk.resources(f.owner, filter: filter, page: $0) }.map(\.id))
            }
            #expect(try await ids(ResourceFilter()) == [double.id, single.id, bike.id, court.id])
            #expect(try await ids(ResourceFilter(locationIDs: [harbour.id])) == [double.id, single.id])
            #expect(try await ids(ResourceFilter(locationIDs: [hill.id])) == [bike.id, court.id])
            #expect(try await ids(ResourceFilter(kind: "room")) == [double.id, single.id])
            #expect(try await ids(ResourceFilter(category: "double")) == [double.id, bike.id])
            #expect(try await ids(ResourceFilter(locationIDs: [hill.id], kind: "bike", category: "double")) == [bike.id])
            #expect(try await ids(ResourceFilter(locationIDs: [harbour.id], kind: "bike")) == [])
            #expect(try await ids(ResourceFilter(kind: "boat")) == [])
        }
    }

    @Test(arguments: Backend.enabled)
    func memberSearchMatchesNameEmailOrPhoneIgnoringCase(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let ada = try await f.makeMember(name: "Ada Lovelace", email: "ada@engine.example", phone: "+44 20 7946 0001")
            let alan = try await f.makeMember(name: "Alan Turing", email: "ALAN@bletchley.example", phone: nil)
            let grace = try await f.makeMember(name: "Grace Hopper", email: nil, phone: "+1 555 0199")

            func ids(_ query: String?) async throws -> Set<UUID> {
                Set(try await collectPages {
                    try await f.frontdesk.members(f.owner, filter: MemberFilter(query: query), page: $0)
                }.map(\.id))
            }
            #expect(try await ids(nil) == [ada.id, alan.id, grace.id])
            #expect(try await ids("lovelace") == [ada.id])
            #expect(try await ids("ALAN TUR") == [alan.id])
            #expect(try await ids("bletchley") == [alan.id])
            #expect(try await ids("Engine.EXAMPLE") == [ada.id])
            #expect(try await ids("555 0199") == [grace.id])
            #expect(try await ids("7946") == [ada.id])
            #expect(try await ids(".example") == [ada.id, alan.id])
            #expect(try await ids("a") == [ada.id, alan.id, grace.id])
            #expect(try await ids("nobody") == [])
            // Wildcards of SQL are plain characters to a search.
            #expect(try await ids("%") == [])
            #expect(try await ids("_") == [])
        }
    }

    @Test(arguments: Backend.enabled)
    func memberSearchIgnoresCaseBeyondASCII(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let elodie = try await f.makeMember(name: "Élodie Müller", email: "elodie@exemple.fr")
            let oscar = try await f.makeMember(name: "ÖSCAR ÅBERG")

            func ids(_ query: String) async throws -> Set<UUID> {
                Set(try await collectPages {
                    try await f.frontdesk.members(f.owner, filter: MemberFilter(query: query), page: $0)
                }.map(\.id))
            }
            #expect(try await ids("Élodie") == [elodie.id])
            #expect(try await ids("élodie") == [elodie.id])
            #expect(try await ids("MÜLLER") == [elodie.id])
            #expect(try await ids("öscar åberg") == [oscar.id])
        }
    }

    @Test(arguments: Backend.enabled)
    func listsPageWithCursors(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            var locations: [UUID] = [], resources: [UUID] = [], members: [UUID] = []
            for i in 1...5 {
                let location = try await f.makeLocation(name: "Site \(i)")
                locations.append(location.id)
                resources.append(try await f.makeResource(at: location, name: "Room \(i)").id)
                members.append(try await f.makeMember(name: "Member \(i)").id)
            }
            let l = try await pageSizes(limit: 2) { try await f.frontdesk.locations(f.owner, page: $0) }
            let r = try await pageSizes(limit: 2) {
                try await f.frontdesk.resources(f.owner, filter: ResourceFilter(), page: $0)
            }
            let m = try await pageSizes(limit: 2) {
                try await f.frontdesk.members(f.owner, filter: MemberFilter(), page: $0)
            }
            // Same creation instant for all: lists fall back to id order.
            #expect(l.sizes == [2, 2, 1] && l.ids == listOrder(locations))
            #expect(r.sizes == [2, 2, 1] && r.ids == listOrder(resources))
            #expect(m.sizes == [2, 2, 1] && m.ids == listOrder(members))

            let exact = try await pageSizes(limit: 5) { try await f.frontdesk.locations(f.owner, page: $0) }
            #expect(exact.sizes == [5])
        }
    }

    @Test(arguments: Backend.enabled)
    func listsOrderByCreationBeforeId(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            var created: [UUID] = []
            for i in 1...5 {
                f.clock.advance(by: 1)
                created.append(try await f.makeMember(name: "Member \(i)").id)
            }
            let m = try await pageSizes(limit: 2) {
                try await f.frontdesk.members(f.owner, filter: MemberFilter(), page: $0)
            }
            #expect(m.sizes == [2, 2, 1])
            #expect(m.ids == created)
            // A cursor the client sends back as text works the same.
            let first = try await f.frontdesk.members(f.owner, filter: MemberFilter(), page: PageRequest(limit: 2))
            let opaque = try #require(first.nextCursor(in: .members))
            let second = try await f.frontdesk.members(
                f.owner, filter: MemberFilter(), page: try PageRequest(limit: 2, cursor: opaque, list: .members))
            #expect(second.items.map(\.id) == Array(created[2...3]))
            // A cursor belongs to its list: another list refuses it rather than read it as a position.
            #expect(throws: FrontdeskError.validationFailed([FieldIssue("cursor", "is a cursor of the members list, not of locations")])) {
                try PageRequest(limit: 2, cursor: opaque, list: .locations)
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func resourceWithFutureBookingCannotBeDeleted(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let room = try await f.makeResource(at: location)
            let member = try await f.makeMember()
            let booking = try await f.book(member, room, hours(14, 35))

            await expectError("resource_in_use") { try await f.frontdesk.deleteResource(f.owner, room.id) }
            #expect(try await f.frontdesk.resource(f.owner, room.id) == room)

            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(booking.id))
            try await f.frontdesk.deleteResource(f.owner, room.id)
            await expectError("not_found") { try await f.frontdesk.resource(f.owner, room.id) }
        }
    }

    @Test(arguments: Backend.enabled)
    func resourceHeldOnlyInThePastCanBeDeleted(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let room = try await f.makeResource(at: location)
            let member = try await f.makeMember()
            let window = hours(14, 35)
            _ = try await f.book(member, room, window)
            f.clock.set(window.end)
            try await f.frontdesk.deleteResource(f.owner, room.id)
            await expectError("not_found") { try await f.frontdesk.resource(f.owner, room.id) }
        }
    }

    @Test(arguments: Backend.enabled)
    func memberWithOpenBookingsCannotBeDeleted(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let room = try await f.makeResource(at: try await f.makeLocation())
            let member = try await f.makeMember()
            let open = try await f.book(member, room, hours(14, 38), status: .pending)
            let error = await expectError("member_in_use") { try await f.frontdesk.deleteMember(f.owner, member.id) }
            #expect(error?.detail.contains(open.number) == true)
            #expect(try await f.frontdesk.member(f.owner, member.id) == member)

            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(open.id))
            try await f.frontdesk.deleteMember(f.owner, member.id)
            await expectError("not_found") { try await f.frontdesk.member(f.owner, member.id) }
            // Its past bookings stay readable.
            #expect(try await f.frontdesk.booking(f.owner, .id(open.id)).memberID == member.id)
        }
    }

    @Test(arguments: Backend.enabled)
    func locationWithResourcesCannotBeDeleted(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let room = try await f.makeResource(at: location)
            await expectError("location_in_use") { try await f.frontdesk.deleteLocation(f.owner, location.id) }
            #expect(try await f.frontdesk.location(f.owner, location.id) == location)

            try await f.frontdesk.deleteResource(f.owner, room.id)
            try await f.frontdesk.deleteLocation(f.owner, location.id)
            await expectError("not_found") { try await f.frontdesk.location(f.owner, location.id) }
        }
    }

    @Test(arguments: Backend.enabled)
    func resourceNeedsALocationOfItsOwnOrganization(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let b = try await f.makeOrganization()
            let theirs = try await f.makeLocation(b, name: "Theirs")
            let ours = try await f.makeLocation(name: "Ours")
            let room = try await f.makeResource(at: ours)

            let error = await expectError("validation_failed") { try await f.makeResource(at: theirs) }
            if case .validationFailed(let issues)? = error { #expect(issues.map(\.field).contains("location_id")) }
            await expectError("validation_failed") { try await f.makeResource(at: ours.with(id: UUID())) }
            await expectError("validation_failed") {
                try await f.frontdesk.updateResource(f.owner, room.id, ResourceInput(locationID: theirs.id))
            }
            #expect(try await f.frontdesk.resource(f.owner, room.id).locationID == ours.id)
            #expect(try await f.frontdesk.resources(f.owner, filter: ResourceFilter(), page: PageRequest()).items.map(\.id)
                    == [room.id])
            #expect(try await f.frontdesk.resources(b, filter: ResourceFilter(), page: PageRequest()).items.isEmpty)

            // A deleted location takes no new resources.
            let closed = try await f.makeLocation(name: "Closed")
            try await f.frontdesk.deleteLocation(f.owner, closed.id)
            await expectError("validation_failed") { try await f.makeResource(at: closed) }
        }
    }
}

extension Location {
    func with(id: UUID) -> Location {
        var copy = self
        copy.id = id
        return copy
    }
}
