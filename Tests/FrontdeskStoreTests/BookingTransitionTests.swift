import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// Moving bookings through their statuses: desk actions, the PATCH override, stamps, versions.
@Suite("Booking transitions")
struct BookingTransitionTests {
    /// A location with two rooms and a member, for one test.
    struct Desk {
        let rooms: [Resource]
        let member: Member

        init(_ f: StoreFixture) async throws {
            let location = try await f.makeLocation()
            rooms = [try await f.makeResource(at: location, name: "101"), try await f.makeResource(at: location, name: "102")]
            member = try await f.makeMember()
        }
    }

    @Test(arguments: Backend.enabled)
    func checkInStartCheckOutStampTheirTimes(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let booking = try await f.book(desk.member, desk.rooms[0], hours(14, 38))

            f.clock.advance(by: 3_600)
            let checkedIn = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id))
            let t1 = f.now
            #expect(checkedIn.status == .checkedIn && checkedIn.version == 2 && checkedIn.updatedAt == t1)
            #expect(checkedIn.lines[0].state == .occupied && checkedIn.lines[0].checkedInAt == t1)
            #expect(checkedIn.actualStartAt == nil)
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)) == checkedIn)

            f.clock.advance(by: 600)
            let started = try await f.frontdesk.perform(f.owner, .start, on: .number(booking.number))
            let t2 = f.now
            #expect(started.status == .active && started.version == 3)
            #expect(started.actualStartAt == t2)
            #expect(started.lines[0].checkedInAt == t1)
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)) == started)

            f.clock.advance(by: 86_400)
            let done = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(booking.id))
            let t3 = f.now
            #expect(done.status == .completed && done.version == 4)
            #expect(done.actualStartAt == t2 && done.actualEndAt == t3)
            #expect(done.lines[0].state == .released && done.lines[0].checkedOutAt == t3 && done.lines[0].checkedInAt == t1)
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)) == done)

            #expect(try await f.bookingEvents().map(\.type)
                    == [.bookingCreated, .bookingCheckedIn, .bookingStarted, .bookingCompleted])
        }
    }

    @Test(arguments: Backend.enabled)
    func anExplicitInstantIsStamped(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let booking = try await f.book(desk.member, desk.rooms[0], hours(14, 38))
            f.clock.advance(by: 7_200)
            let arrived = f.now - 1_800.25
            let checkedIn = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id), at: arrived)
            #expect(checkedIn.lines[0].checkedInAt == arrived.truncatedToMilliseconds)
            #expect(checkedIn.updatedAt == f.now)
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)).lines[0].checkedInAt
                    == arrived.truncatedToMilliseconds)
        }
    }

    @Test(arguments: Backend.enabled)
    func aWalkInStartsActive(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let walkIn = try await f.frontdesk.createBooking(f.owner, NewBooking(
                memberID: desk.member.id, lines: [.init(resourceID: desk.rooms[0].id,
                                                        window: .instants(TimeWindow(start: f.now, end: f.now + 7_200)))],
                status: .active, source: .walkIn))
            #expect(walkIn.status == .active && walkIn.source == .walkIn)
            #expect(walkIn.actualStartAt == f.now)
            #expect(walkIn.lines[0].state == .occupied && walkIn.lines[0].checkedInAt == f.now)
            #expect(try await f.frontdesk.booking(f.owner, .id(walkIn.id)) == walkIn)
            // An occupied line holds its resource.
            await expectError("booking_conflict") {
                try await f.book(desk.member, desk.rooms[0], TimeWindow(start: f.now + 60, end: f.now + 120))
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func invalidTransitionsNameWhatIsAllowed(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let pending = try await f.book(desk.member, desk.rooms[0], hours(14, 38), status: .pending)
            let error = await expectError("invalid_transition") {
                try await f.frontdesk.perform(f.owner, .start, on: .id(pending.id))
            }
            #expect(error == .invalidTransition(from: .pending, to: .active, allowed: [.confirmed, .cancelled, .expired]))

            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(pending.id))
            let late = await expectError("invalid_transition") {
                try await f.frontdesk.perform(f.owner, .checkIn, on: .id(pending.id))
            }
            #expect(late == .invalidTransition(from: .cancelled, to: .checkedIn, allowed: []))
            await expectError("invalid_transition") {
                try await f.frontdesk.updateBooking(f.owner, .id(pending.id), BookingPatch(status: .confirmed))
            }
            let read = try await f.frontdesk.booking(f.owner, .id(pending.id))
            #expect(read.status == .cancelled && read.version == 2)
            #expect(try await f.bookingEvents().count == 2)
        }
    }

    @Test(arguments: Backend.enabled)
    func staleIfMatchIsRefused(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let booking = try await f.book(desk.member, desk.rooms[0], hours(14, 38))
            let checkedIn = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id), ifMatch: 1)
            #expect(checkedIn.version == 2)

            let error = await expectError("precondition_failed") {
                try await f.frontdesk.perform(f.owner, .start, on: .id(booking.id), ifMatch: 1)
            }
            #expect(error == .preconditionFailed(expected: "1", actual: 2))
            await expectError("precondition_failed") {
                try await f.frontdesk.updateBooking(f.owner, .id(booking.id), BookingPatch(notes: "x"), ifMatch: 3)
            }
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)) == checkedIn)
            #expect(try await f.bookingEvents().count == 2)
            let started = try await f.frontdesk.perform(f.owner, .start, on: .id(booking.id), ifMatch: 2)
            #expect(started.version == 3)
        }
    }

    @Test(arguments: Backend.enabled)
    func patchingStatusStampsLikeTheDeskButtons(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let booking = try await f.book(desk.member, desk.rooms[0], hours(14, 38), status: .pending)

            f.clock.advance(by: 60)
            let confirmed = try await f.frontdesk.updateBooking(f.owner, .id(booking.id), BookingPatch(status: .confirmed))
            #expect(confirmed.status == .confirmed && confirmed.version == 2)

            f.clock.advance(by: 60)
            let checkedIn = try await f.frontdesk.updateBooking(f.owner, .id(booking.id), BookingPatch(status: .checkedIn))
            let t1 = f.now
            #expect(checkedIn.lines[0].checkedInAt == t1 && checkedIn.lines[0].state == .occupied)

            f.clock.advance(by: 60)
            let active = try await f.frontdesk.updateBooking(
                f.owner, .id(booking.id), BookingPatch(status: .active, notes: "in room"))
            let t2 = f.now
            #expect(active.actualStartAt == t2 && active.notes == "in room" && active.version == 4)

            f.clock.advance(by: 60)
            let completed = try await f.frontdesk.updateBooking(f.owner, .id(booking.id), BookingPatch(status: .completed))
            let t3 = f.now
            #expect(completed.actualEndAt == t3 && completed.lines[0].checkedOutAt == t3)
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)) == completed)
            #expect(try await f.bookingEvents().map(\.type)
                    == [.bookingCreated, .bookingConfirmed, .bookingCheckedIn, .bookingStarted, .bookingCompleted])

            await expectError("validation_failed") {
                try await f.frontdesk.updateBooking(f.owner, .id(booking.id), BookingPatch(status: .pending))
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func notesAloneBumpTheVersion(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let booking = try await f.book(desk.member, desk.rooms[0], hours(14, 38), notes: "first")
            f.clock.advance(by: 60)
            let noted = try await f.frontdesk.updateBooking(f.owner, .id(booking.id), BookingPatch(notes: "vegan breakfast"))
            #expect(noted.notes == "vegan breakfast" && noted.version == 2 && noted.updatedAt == f.now)
            #expect(noted.status == .confirmed)
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)) == noted)

            let cleared = try await f.frontdesk.updateBooking(f.owner, .id(booking.id), BookingPatch(notes: ""), ifMatch: 2)
            #expect(cleared.notes == nil && cleared.version == 3)
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)).notes == nil)

            let events = try await f.allEvents()
            // Notes move nothing the invoice charges: no invoice_updated follows them.
            #expect(events.map(\.type) == [.bookingCreated, .invoiceCreated, .bookingUpdated, .bookingUpdated])
            let audit = try await f.frontdesk.bookingAudit(f.owner, .id(booking.id))
            #expect(audit.map(\.action) == ["create", "update", "update"])
        }
    }

    @Test(arguments: Backend.enabled)
    func cancellationKeepsItsReasonAndReleasesLines(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let booking = try await f.book(desk.member, desk.rooms, hours(14, 38))
            let cancelled = try await f.frontdesk.perform(f.owner, .cancel, on: .id(booking.id), reason: "flight cancelled")
            #expect(cancelled.status == .cancelled && cancelled.cancellationReason == "flight cancelled")
            #expect(cancelled.lines.allSatisfy { $0.state == .released && $0.checkedOutAt == nil })
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)) == cancelled)
        }
    }

    @Test(arguments: Backend.enabled)
    func linesCheckInAndOutOneByOne(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let window = hours(14, 38)
            let booking = try await f.book(desk.member, desk.rooms, window)
            let (first, second) = (booking.lines[0].id, booking.lines[1].id)

            f.clock.advance(by: 60)
            let t1 = f.now
            let one = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id), lineIDs: [first])
            #expect(one.status == .checkedIn)
            #expect(one.lines.map(\.state) == [.occupied, .reserved])
            #expect(one.lines.map(\.checkedInAt) == [t1, nil])
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)) == one)
            await expectError("validation_failed") {
                try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id), lineIDs: [first])
            }

            f.clock.advance(by: 60)
            let t2 = f.now
            let both = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id), lineIDs: [second])
            #expect(both.status == .checkedIn && both.version == 3)
            #expect(both.lines.map(\.checkedInAt) == [t1, t2])

            f.clock.advance(by: 60)
            let t3 = f.now
            let left = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(booking.id), lineIDs: [first])
            #expect(left.status == .checkedIn && left.actualEndAt == nil)
            #expect(left.lines.map(\.state) == [.released, .occupied])
            #expect(left.lines.map(\.checkedOutAt) == [t3, nil])
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)) == left)

            // The released room is free again; the occupied one is not.
            let next = try await f.book(desk.member, desk.rooms[0], window)
            let error = await expectError("booking_conflict") { try await f.book(desk.member, desk.rooms[1], window) }
            #expect(conflictNumbers(error) == [desk.rooms[1].id: [booking.number]])

            f.clock.advance(by: 60)
            let t4 = f.now
            let done = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(booking.id), lineIDs: [second])
            #expect(done.status == .completed && done.actualEndAt == t4)
            #expect(done.lines.map(\.checkedOutAt) == [t3, t4])
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)) == done)
            #expect(try await f.frontdesk.booking(f.owner, .id(next.id)).status == .confirmed)
            // Each event names what happened: the booking's status, or a line on its own.
            #expect(try await f.bookingEvents().filter { $0.entityID == booking.id }.map(\.type) == [
                .bookingCreated, .bookingCheckedIn, .bookingLineCheckedIn, .bookingLineCheckedOut, .bookingCompleted,
            ])
        }
    }

    /// A desk names rooms, not lines: `resourceIDs` picks the lines holding them, for a step and its revert.
    @Test(arguments: Backend.enabled)
    func linesNamedByTheirResources(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let booking = try await f.book(desk.member, desk.rooms, hours(14, 38))
            let (first, second) = (desk.rooms[0].id, desk.rooms[1].id)
            f.clock.advance(by: 60)
            for (lines, resources): (Set<UUID>?, Set<UUID>) in [(nil, []), (nil, [second, UUID()]),
                                                                 ([booking.lines[0].id], [second])] {
                let refused = await expectError("validation_failed") {
                    try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id), lineIDs: lines, resourceIDs: resources)
                }
                guard case .validationFailed(let issues)? = refused else { continue }
                #expect(issues.map(\.field) == ["resource_ids"])
            }
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)) == booking)

            let one = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id), resourceIDs: [second])
            #expect(one.status == .checkedIn && one.lines.map(\.state) == [.reserved, .occupied])
            let both = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id), resourceIDs: [first])
            #expect(both.lines.map(\.state) == [.occupied, .occupied])
            let undone = try await f.frontdesk.revertBooking(f.owner, .id(booking.id), resourceIDs: [first, second],
                                                            reason: "wrong guest")
            #expect(undone.status == .confirmed && undone.lines.map(\.state) == [.reserved, .reserved])
        }
    }
}
