import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// A booking changed at the desk once made: lines added, changed, removed, another member; each
/// change checked as a new booking is, audited, fired, and refused with nothing written.
@Suite struct BookingRevisionTests {
    struct Hotel {
        let rooms: [Resource]
        let guests: [Member]

        init(_ f: StoreFixture) async throws {
            let location = try await f.makeLocation()
            var rooms: [Resource] = []
            for name in ["101", "102", "103", "104"] {
                rooms.append(try await f.makeResource(at: location, name: name, rate: 1_000, unit: .hour))
            }
            self.rooms = rooms
            guests = [try await f.makeMember(name: "Ada"), try await f.makeMember(name: "Grace")]
        }
    }

    @Test(arguments: Backend.enabled)
    func linesAreAddedChangedAndRemoved(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let hotel = try await Hotel(f)
            let (r101, r102, r103, r104) = (hotel.rooms[0], hotel.rooms[1], hotel.rooms[2], hotel.rooms[3])
            let stay = try await f.book(hotel.guests[0], r101, hours(14, 20))
            let other = try await f.book(hotel.guests[1], r103, hours(14, 20))
            #expect(stay.totalAmount == 6_000)

            // A room added for the booking's window, priced as a new booking's.
            let added = try await f.frontdesk.addBookingLine(f.owner, .id(stay.id), resourceID: r102.id)
            #expect(added.version == 2 && added.lines.map(\.resourceID) == [r101.id, r102.id])
            #expect(added.lines[1].window == hours(14, 20) && added.lines[1].amount == 6_000 && added.lines[1].state == .reserved)
            #expect(try await f.frontdesk.booking(f.owner, .id(stay.id)) == added)

            // Refused, with nothing written: a room held twice, a busy room, a stale version.
            let taken = await expectError("validation_failed") {
                try await f.frontdesk.addBookingLine(f.owner, .id(stay.id), resourceID: r102.id)
            }
            guard case .validationFailed(let issues)? = taken else { return }
            #expect(issues.map(\.field) == ["resource_id"] && issues[0].message.contains("102"))
            let busy = await expectError("booking_conflict") {
                try await f.frontdesk.addBookingLine(f.owner, .id(stay.id), resourceID: r103.id)
            }
            #expect(conflictNumbers(busy) == [r103.id: [other.number]])
            await expectError("precondition_failed") {
                try await f.frontdesk.addBookingLine(f.owner, .id(stay.id), resourceID: r104.id, ifMatch: 1)
            }
            #expect(try await f.frontdesk.booking(f.owner, .id(stay.id)) == added)

            // Extended: only the time added is checked, and the line is priced again.
            let later = try await f.book(hotel.guests[1], r101, hours(21, 23))
            let longer = try await f.frontdesk.changeBookingLine(
                f.owner, .id(stay.id), lineID: added.lines[0].id, window: WindowEdit(end: .instant(hours(0, 21).end)))
            #expect(longer.lines[0].window == hours(14, 21) && longer.lines[0].amount == 7_000 && longer.version == 3)
            let overlong = await expectError("booking_conflict") {
                try await f.frontdesk.changeBookingLine(
                    f.owner, .id(stay.id), lineID: added.lines[0].id, window: WindowEdit(end: .instant(hours(0, 22).end)))
            }
            #expect(conflictNumbers(overlong) == [r101.id: [later.number]])

            // Swapped: the new room's whole window is checked.
            await expectError("booking_conflict") {
                try await f.frontdesk.changeBookingLine(f.owner, .id(stay.id), lineID: added.lines[1].id, resourceID: r103.id)
            }
            let swapped = try await f.frontdesk.changeBookingLine(f.owner, .id(stay.id), lineID: added.lines[1].id,
                                                                  resourceID: r104.id)
            #expect(swapped.lines[1].id == added.lines[1].id && swapped.lines[1].resourceID == r104.id)
            #expect(swapped.lines.map(\.resourceName) == ["101", "104"] && swapped.memberName == "Ada")
            #expect(try await f.frontdesk.booking(f.owner, .id(stay.id)) == swapped)
            // 102 is free again.
            _ = try await f.book(hotel.guests[1], r102, hours(14, 20))

            // Removed; the last line cannot go.
            let removed = try await f.frontdesk.removeBookingLine(f.owner, .id(stay.id), lineID: added.lines[1].id)
            #expect(removed.lines.map(\.id) == [added.lines[0].id] && removed.totalAmount == 7_000)
            await expectError("validation_failed") {
                try await f.frontdesk.removeBookingLine(f.owner, .id(stay.id), lineID: added.lines[0].id)
            }
            await expectError("not_found") {
                try await f.frontdesk.removeBookingLine(f.owner, .id(stay.id), lineID: added.lines[1].id)
            }
            _ = try await f.book(hotel.guests[1], r104, hours(14, 20))

            // Another guest; one who is not there is refused.
            await expectError("validation_failed") {
                try await f.frontdesk.changeBookingMember(f.owner, .id(stay.id), memberID: UUID())
            }
            let given = try await f.frontdesk.changeBookingMember(f.owner, .id(stay.id), memberID: hotel.guests[1].id)
            #expect(given.memberID == hotel.guests[1].id && given.version == removed.version + 1 && given.memberName == "Grace")

            #expect(try await f.bookingEvents().filter { $0.entityID == stay.id }.map(\.type) == [
                .bookingCreated, .bookingLineAdded, .bookingLineChanged, .bookingLineChanged, .bookingLineRemoved,
                .bookingMemberChanged,
            ])
            let audit = try await f.frontdesk.bookingAudit(f.owner, .id(stay.id))
            #expect(audit.map(\.action) == ["create", "add_line", "change_line", "change_line", "remove_line", "change_member"])
            #expect(audit.last?.before.map { String(decoding: $0, as: UTF8.self) }?.contains(hotel.guests[0].id.text) == true)
        }
    }

    /// A line checked in keeps its room and its start; a booking that ended no longer changes.
    @Test(arguments: Backend.enabled)
    func aStayInTheHouseChangesOnlyItsEnd(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let hotel = try await Hotel(f)
            let stay = try await f.book(hotel.guests[0], Array(hotel.rooms[0...1]), hours(14, 20))
            f.clock.advance(by: 14 * 3_600)
            let inHouse = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(stay.id), lineIDs: [stay.lines[0].id])
            let line = inHouse.lines[0].id
            await expectError("line_checked_in") {
                try await f.frontdesk.removeBookingLine(f.owner, .id(stay.id), lineID: line)
            }
            await expectError("line_checked_in") {
                try await f.frontdesk.changeBookingLine(f.owner, .id(stay.id), lineID: line, resourceID: hotel.rooms[2].id)
            }
            await expectError("validation_failed") {
                try await f.frontdesk.changeBookingLine(f.owner, .id(stay.id), lineID: line,
                                                        window: WindowEdit(start: .instant(hours(13, 0).start)))
            }
            #expect(try await f.frontdesk.booking(f.owner, .id(stay.id)) == inHouse)
            let extended = try await f.frontdesk.changeBookingLine(f.owner, .id(stay.id), lineID: line,
                                                                   window: WindowEdit(end: .instant(hours(0, 22).end)))
            #expect(extended.lines[0].window == hours(14, 22) && extended.lines[0].state == .occupied)
            #expect(extended.status == .checkedIn)

            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(
                try await f.book(hotel.guests[1], hotel.rooms[3], hours(30, 40)).id))
            let done = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(stay.id), lineIDs: [stay.lines[1].id])
            _ = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(done.id))
            await expectError("booking_closed") {
                try await f.frontdesk.addBookingLine(f.owner, .id(stay.id), resourceID: hotel.rooms[3].id)
            }
            let outOfService = try await f.makeResource(at: try await f.makeLocation(name: "Annex"), name: "A1",
                                                        status: .outOfService)
            let next = try await f.book(hotel.guests[0], hotel.rooms[2], hours(50, 60))
            await expectError("resource_out_of_service") {
                try await f.frontdesk.addBookingLine(f.owner, .id(next.id), resourceID: outOfService.id)
            }
        }
    }

    /// A rental's bike swapped as it is checked in (seed 002): the swap and the check-in in one
    /// transaction, the swap checked as a line's swap is; refused, nothing is written.
    @Test(arguments: Backend.enabled)
    func aRentalsBikeIsSwappedAtCheckIn(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let shop = try await f.makeLocation(name: "Bike shop")
            var bikes: [Resource] = []
            for (name, rate) in [("Bike 1", 500), ("Bike 2", 700), ("Bike 3", 500), ("Bike 4", 500)] {
                bikes.append(try await f.makeResource(at: shop, name: name, kind: "bike", rate: rate, unit: .hour))
            }
            let broken = try await f.makeResource(at: shop, name: "Bike 5", kind: "bike", status: .outOfService)
            let (rider, other) = (try await f.makeMember(name: "Ada"), try await f.makeMember(name: "Grace"))
            let rental = try await f.book(rider, bikes[0], hours(10, 12))
            _ = try await f.book(other, bikes[2], hours(11, 13))
            f.clock.advance(by: 10 * 3_600)

            await expectError("booking_conflict") {
                try await f.frontdesk.checkIn(f.owner, .id(rental.id), swappingTo: bikes[2].id)
            }
            await expectError("resource_out_of_service") {
                try await f.frontdesk.checkIn(f.owner, .id(rental.id), swappingTo: broken.id)
            }
            await expectError("precondition_failed") {
                try await f.frontdesk.checkIn(f.owner, .id(rental.id), swappingTo: bikes[1].id, ifMatch: 7)
            }
            #expect(try await f.frontdesk.booking(f.owner, .id(rental.id)) == rental)
            #expect(try await f.allCheckins().isEmpty)

            let out = try await f.frontdesk.checkIn(f.owner, .id(rental.id), swappingTo: bikes[1].id)
            #expect(out.status == .checkedIn && out.version == 3 && out.totalAmount == 1_400)
            #expect(out.lines.map(\.resourceID) == [bikes[1].id] && out.lines[0].resourceName == "Bike 2")
            #expect(out.lines[0].state == .occupied && out.lines[0].checkedInAt == f.now)
            let visits = try await f.allCheckins()
            #expect(visits.map(\.resourceID) == [bikes[1].id] && visits.map(\.state) == [.inProgress])
            #expect(try await f.bookingEvents().filter { $0.entityID == rental.id }.map(\.type)
                    == [.bookingCreated, .bookingLineChanged, .bookingCheckedIn])
            #expect(try await f.frontdesk.bookingAudit(f.owner, .id(rental.id)).map(\.action) == ["create", "change_line", "check_in"])
            let invoice = try #require(try await f.frontdesk.invoices(f.owner, filter: InvoiceFilter(bookingID: rental.id),
                                                                      page: PageRequest()).items.first)
            #expect(invoice.totalAmount == 1_400 && invoice.lines[0].line.description.contains("Bike 2"))
            // Bike 1 is free again; a checked-in line is swapped no more.
            _ = try await f.book(other, bikes[0], hours(10, 12))
            await expectError("line_checked_in") {
                try await f.frontdesk.checkIn(f.owner, .id(rental.id), swappingTo: bikes[3].id)
            }

            // Two bikes: the one swapped is named.
            let pair = try await f.book(rider, [bikes[2], bikes[3]], hours(14, 16))
            await expectError("validation_failed") {
                try await f.frontdesk.checkIn(f.owner, .id(pair.id), swappingTo: bikes[0].id)
            }
            let named = try await f.frontdesk.checkIn(f.owner, .id(pair.id), swappingTo: bikes[0].id,
                                                      resourceIDs: [bikes[3].id])
            #expect(named.lines.map(\.resourceID) == [bikes[2].id, bikes[0].id])
            #expect(named.lines.map(\.state) == [.reserved, .occupied])
        }
    }

    /// A guest made at the desk with their booking, in its transaction: a refused booking leaves no guest.
    @Test(arguments: Backend.enabled)
    func aGuestIsMadeWithTheirBooking(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let hotel = try await Hotel(f)
            func book(_ name: String, _ room: Resource) async throws -> Booking {
                try await f.frontdesk.createBooking(f.owner, NewBooking(
                    holder: .newMember(MemberInput(name: name, email: "lin@example.com")),
                    lines: [.init(resourceID: room.id, window: .instants(hours(14, 20)))]))
            }
            let booking = try await book("Lin Chen", hotel.rooms[0])
            let guest = try await f.frontdesk.member(f.owner, booking.memberID)
            #expect(guest.name == "Lin Chen" && guest.email == "lin@example.com" && guest.type == "guest")

            _ = await expectError("booking_conflict") { try await book("Sam Taylor", hotel.rooms[0]) }
            let blank = await expectError("validation_failed") { try await book(" ", hotel.rooms[1]) }
            if case .validationFailed(let issues)? = blank { #expect(issues.map(\.field) == ["member.name"]) }
            let members = try await f.frontdesk.members(f.owner, filter: MemberFilter(), page: PageRequest(limit: 100))
            #expect(members.items.map(\.name).sorted() == ["Ada", "Grace", "Lin Chen"])
        }
    }

    /// A rental's tiers are kept with its resource and price its lines; extending one prices it again across them.
    @Test(arguments: Backend.enabled)
    func anExtendedRentalIsPricedAgainAcrossTiers(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let shop = try await f.makeLocation(name: "Bike shop")
            let tiers = [RateTier(upToMinutes: 180, rateAmount: 500, rateUnit: .hour),
                         RateTier(upToMinutes: 1_440, rateAmount: 2_500, rateUnit: .session)]
            let bike = try await f.frontdesk.createResource(f.owner, ResourceInput(
                locationID: shop.id, name: "E-bike 7", kind: "bike", rateAmount: 2_000, rateUnit: .day, rateTiers: tiers))
            #expect(try await f.frontdesk.resource(f.owner, bike.id).rateTiers == tiers)
            let rental = try await f.book(try await f.makeMember(), bike, hours(10, 12))
            #expect(rental.totalAmount == 1_000)
            let longer = try await f.frontdesk.changeBookingLine(f.owner, .id(rental.id), lineID: rental.lines[0].id,
                                                                 window: WindowEdit(end: .instant(hours(0, 17).end)))
            #expect(longer.totalAmount == 2_500)
            let cleared = try await f.frontdesk.updateResource(f.owner, bike.id, ResourceInput(rateTiers: []))
            let reread = try await f.frontdesk.resource(f.owner, bike.id)
            #expect(cleared.rateTiers.isEmpty && reread.rateTiers.isEmpty)
            await expectError("validation_failed") {
                try await f.frontdesk.updateResource(f.owner, bike.id, ResourceInput(rateTiers: Array(tiers.reversed())))
            }
        }
    }
}
