import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// Bookings and their presence: a booking's check-in creates its checkins, its check-out completes
/// them, in the booking's transaction; bookings started without any checkin are listed.
@Suite("Booking checkins")
struct BookingCheckinTests {
    /// A room and a booking of it.
    static func oneRoomBooked(_ f: StoreFixture, status: BookingStatus = .confirmed) async throws -> (Resource, Booking) {
        let room = try await f.makeResource(at: try await f.makeLocation())
        return (room, try await f.book(try await f.makeMember(), room, hours(14, 38), status: status))
    }

    @Test(arguments: Backend.enabled)
    func aBookingsCheckInAndOutMoveAVisitPerLine(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let rooms = [try await f.makeResource(at: location, name: "101"), try await f.makeResource(at: location, name: "102")]
            let member = try await f.makeMember()
            let booking = try await f.book(member, rooms, hours(14, 38))
            let (first, second) = (booking.lines[0], booking.lines[1])

            f.clock.advance(by: 60)
            _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id), lineIDs: [first.id])
            var visits = try await f.allCheckins(filter: CheckinFilter(bookingID: booking.id))
            #expect(visits.count == 1)
            #expect(visits[0].bookingLineID == first.id && visits[0].resourceID == first.resourceID)
            #expect(visits[0].state == .inProgress && visits[0].checkIn == f.now && visits[0].memberID == member.id)
            #expect(visits[0].planned == first.window)

            f.clock.advance(by: 60)
            _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id), lineIDs: [second.id])
            f.clock.advance(by: 3_600)
            let done = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(booking.id))
            #expect(done.status == .completed)
            visits = try await f.allCheckins(filter: CheckinFilter(bookingID: booking.id))
            #expect(visits.map(\.bookingLineID) == [first.id, second.id])
            #expect(visits.allSatisfy { $0.state == .complete && $0.checkOut == f.now })

            let events = try await f.allEvents()
            #expect(events.map(\.type) == [
                .bookingCreated, .invoiceCreated,
                .bookingCheckedIn, .checkinCreated, .checkinStarted,
                .bookingLineCheckedIn, .checkinCreated, .checkinStarted,
                .bookingCompleted, .checkoutStarted, .checkoutCompleted, .checkoutStarted, .checkoutCompleted,
                .invoiceFinalized,
            ])
            #expect(events.map(\.sequence) == Array(1...14))
            #expect(try await f.frontdesk.checkinAudit(f.owner, visits[0].id).map(\.action) == ["check_in", "check_out"])
        }
    }

    @Test(arguments: Backend.enabled)
    func aPendingLinkedCheckinIsCheckedInByTheBooking(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let (room, booking) = try await Self.oneRoomBooked(f)
            let pending = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: room.id, bookingID: booking.id))
            f.clock.advance(by: 60)
            _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id))
            let visits = try await f.allCheckins(filter: CheckinFilter(bookingID: booking.id))
            #expect(visits.map(\.id) == [pending.id])
            #expect(visits[0].state == .inProgress && visits[0].checkIn == f.now)
        }
    }

    @Test(arguments: Backend.enabled)
    func aWalkInBookingArrivesWithItsCheckins(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let (room, _) = try await Self.oneRoomBooked(f)
            f.clock.set(hours(40, 42).start)  // a walk-in arrives on its line's first day
            let walkIn = try await f.book(try await f.makeMember(name: "Walk In"), room, hours(40, 42), status: .active)
            let visits = try await f.allCheckins(filter: CheckinFilter(bookingID: walkIn.id))
            #expect(visits.count == 1)
            #expect(visits[0].state == .inProgress && visits[0].checkIn == f.now && visits[0].bookingLineID == walkIn.lines[0].id)
            #expect(try await f.allEvents().suffix(4).map(\.type)
                == [.bookingCreated, .checkinCreated, .checkinStarted, .invoiceCreated])
            _ = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(walkIn.id))
            #expect(try await f.allCheckins(filter: CheckinFilter(bookingID: walkIn.id)).map(\.state) == [.complete])
        }
    }

    @Test(arguments: Backend.enabled)
    func aFailedBookingActionWritesNoCheckin(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let (_, booking) = try await Self.oneRoomBooked(f, status: .pending)
            await expectError("invalid_transition") { try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id)) }
            #expect(try await f.allCheckins(filter: CheckinFilter()).isEmpty)
            #expect(try await f.allEvents().map(\.type) == [.bookingCreated, .invoiceCreated])
        }
    }

    @Test(arguments: Backend.enabled)
    func deletingABookingLeavesItsCheckinsStandalone(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let (room, booking) = try await Self.oneRoomBooked(f)
            let linked = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: room.id, bookingID: booking.id))
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(booking.id))
            try await f.frontdesk.deleteBooking(f.owner, .id(booking.id))
            let kept = try await f.frontdesk.checkin(f.owner, linked.id)
            #expect(kept.bookingID == nil && kept.bookingLineID == nil && kept.resourceID == room.id)
        }
    }

    @Test(arguments: Backend.enabled)
    func bookingsStartedWithoutCheckinAreListed(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let rooms = [try await f.makeResource(at: location, name: "101"), try await f.makeResource(at: location, name: "102")]
            let member = try await f.makeMember()
            let started = try await f.book(member, rooms[0], hours(14, 38))
            let arrived = try await f.book(member, rooms[1], hours(14, 38))
            let later = try await f.book(member, rooms[0], hours(60, 70))
            f.clock.set(hours(15, 16).start)
            _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(arrived.id))

            let noShows = try await f.allBookings(filter: BookingFilter(startedWithoutCheckin: f.now))
            #expect(noShows.map(\.id) == [started.id])
            f.clock.set(hours(61, 62).start)
            #expect(try await f.allBookings(filter: BookingFilter(startedWithoutCheckin: f.now)).map(\.id)
                    == listOrder([started.id, later.id]), "created in the same instant: listed by id")
            _ = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: rooms[0].id, bookingID: started.id))
            #expect(try await f.allBookings(filter: BookingFilter(startedWithoutCheckin: f.now)).map(\.id) == [later.id])
        }
    }
}
