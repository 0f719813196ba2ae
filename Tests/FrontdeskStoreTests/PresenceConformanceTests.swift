import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// Who is really there holds the room, on both engines: a line checked in past its end holds its
/// resource for availability, new bookings and capacity; a resource holds as many visits in
/// progress as its capacity; a line opens on its first local day; desk stamps are not in the future.
@Suite("Presence")
struct PresenceConformanceTests {
    /// A stay of day 14:00 to day+1 14:00, checked in at day 15:00, still there at day+2 10:00.
    static func overstay(_ f: StoreFixture, capacity: Int = 1) async throws -> (Resource, Booking) {
        let room = try await f.makeResource(at: try await f.makeLocation(), name: "101", capacity: capacity)
        let booking = try await f.book(try await f.makeMember(), room, hours(14, 38))
        f.clock.set(StoreFixture.day + 15 * 3_600)
        _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id))
        f.clock.set(StoreFixture.day + 58 * 3_600)
        return (room, booking)
    }

    @Test(arguments: Backend.enabled)
    func anOverdueLineBlocksNewBookingsAndAvailabilityUntilCheckedOut(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let (room, booking) = try await Self.overstay(f)
            let nextWeek = hours(7 * 24 + 14, 8 * 24 + 10)
            let read = try await f.frontdesk.booking(f.owner, .id(booking.id))
            #expect(read.lines.map(\.overdue) == [true])
            #expect(String(decoding: read.json, as: UTF8.self).contains("\"overdue\":true"))

            let availability = try await f.frontdesk.availability(f.owner, window: .instants(nextWeek), filter: ResourceFilter())
            #expect(availability.available.isEmpty)
            #expect(availability.unavailable.map(\.bookingNumbers) == [[booking.number]])

            let error = await expectError("booking_conflict") { try await f.book(try await f.makeMember(), room, nextWeek) }
            guard case .bookingConflict(let conflicts)? = error else { return }
            #expect(conflicts.map(\.resourceName) == ["101"])
            #expect(conflicts.map(\.bookingNumbers) == [[booking.number]])

            let inUse = await expectError("resource_in_use") { try await f.frontdesk.deleteResource(f.owner, room.id) }
            #expect(inUse?.detail.contains(booking.number) == true)

            _ = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(booking.id))
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)).lines.map(\.overdue) == [false])
            _ = try await f.book(try await f.makeMember(), room, nextWeek)
        }
    }

    @Test(arguments: Backend.enabled)
    func anOverdueLineTakesOneOfAResourcesPlaces(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let (kayaks, _) = try await Self.overstay(f, capacity: 2)
            let tomorrow = hours(72, 80)
            let availability = try await f.frontdesk.availability(f.owner, window: .instants(tomorrow), filter: ResourceFilter())
            #expect(availability.available.map(\.remainingCapacity) == [1])
            _ = try await f.book(try await f.makeMember(), kayaks, tomorrow)
            await expectError("booking_conflict") { try await f.book(try await f.makeMember(), kayaks, tomorrow) }
        }
    }

    @Test(arguments: Backend.enabled)
    func aSecondVisitIntoAnExclusiveResourceIsRefusedNamingTheFirst(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let (room, booking) = try await Self.overstay(f)
            let inHouse = try await f.allCheckins(filter: CheckinFilter(bookingID: booking.id))[0]
            // A walk-in visit, and another guest's booking for tonight, into the same room.
            let walkIn = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: room.id))
            var error = await expectError("resource_occupied") { try await f.frontdesk.checkIn(f.owner, walkIn.id) }
            #expect(error == .resourceOccupied(resourceID: room.id, resourceName: "101",
                                               visits: [Visit(checkinID: inHouse.id, bookingNumber: booking.number)]))
            #expect(try await f.frontdesk.checkin(f.owner, walkIn.id).state == .pending, "nothing written")

            _ = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(booking.id))
            let tonight = try await f.book(try await f.makeMember(), room, hours(60, 80))
            _ = try await f.frontdesk.checkIn(f.owner, walkIn.id)
            error = await expectError("resource_occupied") {
                try await f.frontdesk.perform(f.owner, .checkIn, on: .id(tonight.id))
            }
            #expect(error?.detail.contains(walkIn.id.text) == true)
            #expect(try await f.frontdesk.booking(f.owner, .id(tonight.id)).status == .confirmed)
            #expect(try await f.allCheckins(filter: CheckinFilter(bookingID: tonight.id)).isEmpty)
        }
    }

    @Test(arguments: Backend.enabled)
    func aResourceOfCapacityTwoHoldsTwoVisits(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await f.makeResource(at: try await f.makeLocation(), capacity: 2)
            let visits = [try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: desk.id)),
                          try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: desk.id)),
                          try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: desk.id))]
            _ = try await f.frontdesk.checkIn(f.owner, visits[0].id)
            _ = try await f.frontdesk.checkIn(f.owner, visits[1].id)
            let error = await expectError("resource_occupied") { try await f.frontdesk.checkIn(f.owner, visits[2].id) }
            guard case .resourceOccupied(_, _, let inTheWay)? = error else { return }
            #expect(Set(inTheWay.map(\.checkinID)) == [visits[0].id, visits[1].id])
        }
    }

    @Test(arguments: Backend.enabled)
    func aLineOpensAtTheStartOfItsFirstLocalDay(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation(timeZone: "Europe/Paris")
            let room = try await f.makeResource(at: location)
            let booking = try await f.book(try await f.makeMember(), room, hours(14, 38))
            // 2026-06-01 00:00 in Paris is 2026-05-31T22:00Z.
            f.clock.set(StoreFixture.day - 2 * 3_600 - 1)
            let error = await expectError("too_early") { try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id)) }
            #expect(error == .tooEarly(lineID: booking.lines[0].id, opensAt: StoreFixture.day - 2 * 3_600))
            f.clock.advance(by: 1)
            #expect(try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id)).status == .checkedIn)
        }
    }

    @Test(arguments: Backend.enabled)
    func anOutOfServiceResourceCannotBeCheckedInto(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let room = try await f.makeResource(at: try await f.makeLocation())
            let booking = try await f.book(try await f.makeMember(), room, hours(14, 38))
            let visit = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: room.id))
            var input = ResourceInput()
            input.status = .outOfService
            _ = try await f.frontdesk.updateResource(f.owner, room.id, input)
            f.clock.set(StoreFixture.day + 15 * 3_600)
            await expectError("resource_out_of_service") { try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id)) }
            await expectError("resource_out_of_service") { try await f.frontdesk.checkIn(f.owner, visit.id) }
        }
    }

    @Test(arguments: Backend.enabled)
    func deskStampsAreNotInTheFutureAndLinesKeepTheirCheckinsStamps(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let room = try await f.makeResource(at: try await f.makeLocation())
            let booking = try await f.book(try await f.makeMember(), room, hours(14, 38))
            f.clock.set(StoreFixture.day + 15 * 3_600)
            await expectError("validation_failed") {
                try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id), at: f.now + 61)
            }
            let arrived = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id), at: f.now + 60)
            f.clock.advance(by: 3_600)
            await expectError("validation_failed") {
                try await f.frontdesk.perform(f.owner, .checkOut, on: .id(booking.id), at: arrived.lines[0].checkedInAt! - 1)
            }
            let left = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(booking.id), at: f.now - 600)
            let visit = try await f.allCheckins(filter: CheckinFilter(bookingID: booking.id))[0]
            #expect(visit.checkIn == left.lines[0].checkedInAt && visit.checkOut == left.lines[0].checkedOutAt)
        }
    }

    @Test(arguments: Backend.enabled)
    func aBookingCheckInIsUndoneWithItsCheckins(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let rooms = [try await f.makeResource(at: location, name: "101"), try await f.makeResource(at: location, name: "102")]
            let booking = try await f.book(try await f.makeMember(), rooms, hours(14, 38))
            f.clock.set(StoreFixture.day + 15 * 3_600)
            _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id))
            f.clock.advance(by: 3_600)
            _ = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(booking.id), lineIDs: [booking.lines[0].id])

            // The check-out of 101 undone: back in, its visit in progress again.
            var reverted = try await f.frontdesk.revertBooking(f.owner, .id(booking.id), reason: "pressed by mistake")
            #expect(reverted.status == .checkedIn && reverted.lines.map(\.state) == [.occupied, .occupied])
            var visits = try await f.allCheckins(filter: CheckinFilter(bookingID: booking.id))
            #expect(visits.map(\.state) == [.inProgress, .inProgress])

            // Then 102's check-in, then the whole booking's: back to confirmed, its visits pending.
            f.clock.advance(by: 60)
            reverted = try await f.frontdesk.revertBooking(f.owner, .id(booking.id), lineIDs: [booking.lines[1].id],
                                                            reason: "wrong room")
            #expect(reverted.status == .checkedIn && reverted.lines.map(\.state) == [.occupied, .reserved])
            f.clock.advance(by: 60)
            reverted = try await f.frontdesk.revertBooking(f.owner, .id(booking.id), reason: "wrong guest")
            #expect(reverted.status == .confirmed && reverted.lines.allSatisfy { $0.checkedInAt == nil })
            visits = try await f.allCheckins(filter: CheckinFilter(bookingID: booking.id))
            #expect(visits.map(\.state) == [.pending, .pending])
            await expectError("nothing_to_revert") { try await f.frontdesk.revertBooking(f.owner, .id(booking.id), reason: "again") }

            let audit = try await f.frontdesk.bookingAudit(f.owner, .id(booking.id))
            #expect(audit.suffix(3).map(\.action) == ["revert", "revert", "revert"])
            #expect(audit.last?.reason == "wrong guest")
            let first = try #require(visits.first { $0.bookingLineID == booking.lines[0].id })
            #expect(try await f.frontdesk.checkinAudit(f.owner, first.id).map(\.reason) == [
                nil, nil, "pressed by mistake", "wrong guest",
            ])
        }
    }

    @Test(arguments: Backend.enabled)
    func undoingACheckOutIntoAnOccupiedRoomIsRefused(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let room = try await f.makeResource(at: try await f.makeLocation())
            let booking = try await f.book(try await f.makeMember(), room, hours(14, 38))
            f.clock.set(StoreFixture.day + 15 * 3_600)
            _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id))
            _ = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(booking.id))
            let walkIn = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: room.id))
            _ = try await f.frontdesk.checkIn(f.owner, walkIn.id)
            await expectError("resource_occupied") {
                try await f.frontdesk.revertBooking(f.owner, .id(booking.id), reason: "came back")
            }
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)).status == .completed)
        }
    }

    @Test(arguments: Backend.enabled)
    func undoingACheckOutAfterTheRoomWasBookedAgainIsAConflict(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let room = try await f.makeResource(at: try await f.makeLocation(), name: "101")
            let booking = try await f.book(try await f.makeMember(), room, hours(14, 38))
            f.clock.set(StoreFixture.day + 15 * 3_600)
            _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id))
            f.clock.advance(by: 3_600)
            _ = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(booking.id))  // left early
            let tonight = try await f.book(try await f.makeMember(), room, hours(20, 30))
            let error = await expectError("booking_conflict") {
                try await f.frontdesk.revertBooking(f.owner, .id(booking.id), reason: "came back")
            }
            #expect(error == .bookingConflict([BookingConflict(resourceID: room.id, resourceName: "101",
                                                               bookingNumbers: [tonight.number])]))
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)).status == .completed)
        }
    }
}
