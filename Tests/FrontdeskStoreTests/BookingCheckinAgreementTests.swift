import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// A booking and its checkins tell the same story, whichever door the guest came through, and the
/// sweep never marks a guest in the house a no-show.
@Suite("Booking and checkins agree")
struct BookingCheckinAgreementTests {
    /// Every way in, each on a fresh two-room booking (the walk-in is created `active`).
    enum Door: String, CaseIterable {
        case bookingCheckIn, lineCheckIn, linkedCheckinCheckIn, linkedCheckinPatch, walkIn, statusPatch
    }

    @Test(arguments: Backend.enabled)
    func everyDoorInLeavesTheSweepNothingToDo(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let member = try await f.makeMember()
            for (n, door) in Door.allCases.enumerated() {
                let window = hours(Double(14 + 24 * n), Double(38 + 24 * n))
                let rooms = [try await f.makeResource(at: location, name: "\(door) A"),
                             try await f.makeResource(at: location, name: "\(door) B")]
                f.clock.set(window.start)
                var booking = try await f.book(member, rooms, window, status: door == .walkIn ? .active : .confirmed)
                f.clock.advance(by: 60)
                switch door {
                case .bookingCheckIn:
                    booking = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id))
                case .lineCheckIn:
                    booking = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id), lineIDs: [booking.lines[0].id])
                case .linkedCheckinCheckIn, .linkedCheckinPatch:
                    let visit = try await f.frontdesk.createCheckin(
                        f.owner, CheckinRequest(resourceID: rooms[1].id, bookingID: booking.id))
                    if door == .linkedCheckinPatch {
                        _ = try await f.frontdesk.updateCheckin(f.owner, visit.id, CheckinPatch(checkIn: f.now - 30))
                    } else {
                        _ = try await f.frontdesk.checkIn(f.owner, visit.id)
                    }
                case .walkIn:
                    break
                case .statusPatch:
                    booking = try await f.frontdesk.updateBooking(f.owner, .id(booking.id), BookingPatch(status: .checkedIn))
                }
                booking = try await f.frontdesk.booking(f.owner, .id(booking.id))
                #expect(booking.status == (door == .walkIn ? .active : .checkedIn), "\(door)")
                try await Self.expectAgreement(f, booking, "\(door)")

                f.clock.set(window.end - 60)
                #expect(try await f.frontdesk.sweep() == 0, "\(door)")
                #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)) == booking, "\(door)")
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func linkedCheckinsMoveTheirLinesWithTheStampsAuditAndEventsOfTheBookingsOwnButtons(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let rooms = [try await f.makeResource(at: location, name: "101"), try await f.makeResource(at: location, name: "102")]
            f.clock.set(hours(14, 38).start)
            let booking = try await f.book(try await f.makeMember(), rooms, hours(14, 38))
            let visits = [
                try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: rooms[0].id, bookingID: booking.id)),
                try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: rooms[1].id, bookingID: booking.id)),
            ]
            let first = f.clock.now + 60
            f.clock.set(first + 5)
            _ = try await f.frontdesk.checkIn(f.owner, visits[0].id, at: first)
            var now = try await f.frontdesk.booking(f.owner, .id(booking.id))
            #expect(now.status == .checkedIn && now.lines[0].checkedInAt == first && now.lines[1].state == .reserved)
            try await Self.expectAgreement(f, now, "first in")

            f.clock.advance(by: 60)
            _ = try await f.frontdesk.checkIn(f.owner, visits[1].id)
            f.clock.advance(by: 3_600)
            _ = try await f.frontdesk.checkOut(f.owner, visits[0].id)
            now = try await f.frontdesk.booking(f.owner, .id(booking.id))
            #expect(now.status == .checkedIn && now.lines[0].checkedOutAt == f.now && now.lines[1].state == .occupied)
            try await Self.expectAgreement(f, now, "first out")

            f.clock.advance(by: 60)
            _ = try await f.frontdesk.checkOut(f.owner, visits[1].id)
            now = try await f.frontdesk.booking(f.owner, .id(booking.id))
            #expect(now.status == .completed && now.actualEndAt == f.now)
            try await Self.expectAgreement(f, now, "last out")

            let types = try await f.allEvents().map(\.type).filter { $0 != .checkinCreated }
            #expect(types == [
                .bookingCreated, .invoiceCreated,
                .bookingCheckedIn, .checkinStarted,
                .bookingLineCheckedIn, .checkinStarted,
                .bookingLineCheckedOut, .checkoutStarted, .checkoutCompleted,
                .bookingCompleted, .checkoutStarted, .checkoutCompleted, .invoiceFinalized,
            ])
            #expect(try await f.frontdesk.bookingAudit(f.owner, .id(booking.id)).map(\.action)
                    == ["create", "check_in", "check_in", "check_out", "check_out"])
            let lineEvent = try #require(try await f.allEvents().first { $0.type == .bookingLineCheckedOut })
            #expect(lineEvent.resourceIDs == [rooms[0].id] && lineEvent.checkedOutAt == now.lines[0].checkedOutAt)
            // Undoing the last check-out takes the booking back in, as its own revert would.
            _ = try await f.frontdesk.revertCheckin(f.owner, visits[1].id, reason: "still here")
            now = try await f.frontdesk.booking(f.owner, .id(booking.id))
            #expect(now.status == .checkedIn && now.actualEndAt == nil && now.lines.map(\.state) == [.released, .occupied])
            try await Self.expectAgreement(f, now, "back in")
            #expect(try await f.bookingEvents().last?.type == .bookingUpdated)
        }
    }

    @Test(arguments: Backend.enabled)
    func undoingTheOnlyCheckInTakesTheBookingBackAndTheSweepMayFindIt(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let room = try await f.makeResource(at: try await f.makeLocation())
            f.clock.set(hours(14, 38).start)
            let booking = try await f.book(try await f.makeMember(), room, hours(14, 38))
            let visit = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: room.id, bookingID: booking.id))
            f.clock.advance(by: 60)
            _ = try await f.frontdesk.checkIn(f.owner, visit.id)
            f.clock.advance(by: 60)
            _ = try await f.frontdesk.revertCheckin(f.owner, visit.id, reason: "wrong guest")
            let back = try await f.frontdesk.booking(f.owner, .id(booking.id))
            #expect(back.status == .confirmed && back.lines[0].state == .reserved && back.lines[0].checkedInAt == nil)
            try await Self.expectAgreement(f, back, "reverted")
            let audit = try await f.frontdesk.bookingAudit(f.owner, .id(booking.id))
            #expect(audit.map(\.action) == ["create", "check_in", "revert"] && audit.last?.reason == "wrong guest")
            #expect(try await f.bookingEvents().map(\.type) == [.bookingCreated, .bookingCheckedIn, .bookingUpdated])

            f.clock.set(hours(14, 38).start + 2 * 3_600 + 1)
            #expect(try await f.frontdesk.sweep() == 1)
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)).status == .noShow)
        }
    }

    @Test(arguments: Backend.enabled)
    func whatTheBookingCannotFollowIsRefusedAndWritesNothing(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let rooms = [try await f.makeResource(at: try await f.makeLocation(), name: "A"),
                         try await f.makeResource(at: try await f.makeLocation(), name: "B")]
            f.clock.set(hours(14, 38).start)
            let booking = try await f.book(try await f.makeMember(), rooms, hours(14, 38))
            let visits = [
                try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: rooms[0].id, bookingID: booking.id)),
                try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: rooms[1].id, bookingID: booking.id)),
            ]
            f.clock.advance(by: 60)
            _ = try await f.frontdesk.checkIn(f.owner, visits[0].id)
            f.clock.advance(by: 60)
            let cancelled = try await f.frontdesk.perform(f.owner, .cancel, on: .id(booking.id), reason: "flood")
            try await Self.expectAgreement(f, cancelled, "cancelled")
            let before = try await f.allEvents()
            let left = try await f.frontdesk.checkin(f.owner, visits[0].id)
            #expect(left.state == .complete)
            await #expect(throws: FrontdeskError.conflict(code: "revert_not_mirrored", detail: """
                The visit's booking cannot follow: Booking \(booking.number) is cancelled: it has no check-in or check-out to undo.
                """)) {
                try await f.frontdesk.revertCheckin(f.owner, visits[0].id, reason: "undo")
            }
            await #expect(throws: FrontdeskError.conflict(code: "booking_line_released", detail: """
                Booking \(booking.number) is cancelled: its lines are no longer held, a visit of them cannot begin.
                """)) {
                try await f.frontdesk.checkIn(f.owner, visits[1].id)
            }
            #expect(try await f.allEvents() == before)
            #expect(try await f.frontdesk.checkin(f.owner, visits[0].id) == left)
        }
    }

    @Test(arguments: Backend.enabled)
    func visitsOfEveryLineCheckedInAtOnceMoveTheBookingOnce(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            var rooms: [Resource] = []
            for n in 0..<4 { rooms.append(try await f.makeResource(at: location, name: "10\(n)")) }
            f.clock.set(hours(14, 38).start)
            let booking = try await f.book(try await f.makeMember(), rooms, hours(14, 38))
            var visits: [Checkin] = []
            for room in rooms {
                visits.append(try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: room.id, bookingID: booking.id)))
            }
            let (frontdesk, owner) = (f.frontdesk, f.owner)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for visit in visits { group.addTask { _ = try await frontdesk.checkIn(owner, visit.id) } }
                try await group.waitForAll()
            }
            let now = try await f.frontdesk.booking(f.owner, .id(booking.id))
            #expect(now.status == .checkedIn && now.lines.allSatisfy { $0.state == .occupied } && now.version == 5)
            try await Self.expectAgreement(f, now, "all at once")
            let types = try await f.bookingEvents().map(\.type)
            #expect(types == [.bookingCreated, .bookingCheckedIn] + Array(repeating: .bookingLineCheckedIn, count: 3))
            let events = try await f.allEvents()
            #expect(events.map(\.sequence) == (1...Int64(events.count)).map { $0 })
        }
    }

    /// Each line's state is what its checkins say: occupied with a visit in progress stamped as
    /// the line, reserved with none arrived, released with none in progress.
    static func expectAgreement(
        _ f: StoreFixture, _ booking: Booking, _ comment: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let visits = try await f.allCheckins(filter: CheckinFilter(bookingID: booking.id))
        for line in booking.lines {
            let ofLine = visits.filter { $0.bookingLineID == line.id }
            switch line.state {
            case .reserved:
                #expect(ofLine.allSatisfy { $0.checkIn == nil }, "\(comment)", sourceLocation: sourceLocation)
            case .occupied:
                #expect(ofLine.contains { $0.state == .inProgress && $0.checkIn == line.checkedInAt },
                        "\(comment)", sourceLocation: sourceLocation)
            case .released:
                #expect(!ofLine.contains { $0.state == .inProgress }, "\(comment)", sourceLocation: sourceLocation)
                if let out = line.checkedOutAt {
                    #expect(ofLine.contains { $0.checkOut == out }, "\(comment)", sourceLocation: sourceLocation)
                }
            }
        }
        let arrived = visits.contains { $0.checkIn != nil }
        #expect(arrived == booking.lines.contains { $0.checkedInAt != nil }, "\(comment)", sourceLocation: sourceLocation)
    }
}

/// Line events reach actions for their line's resource only.
@Suite("Booking line events")
struct BookingLineEventTests {
    @Test(arguments: Backend.enabled)
    func anActionOnALineEventActsOnThatLinesResourceOnly(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let rooms = [try await f.makeResource(at: location, name: "101"), try await f.makeResource(at: location, name: "102")]
            _ = try await f.frontdesk.createAction(f.owner, ActionInput(
                trigger: .bookingLineCheckedOut, type: .flagForCleaning, scope: "organization"))
            _ = try await f.frontdesk.createAction(f.owner, ActionInput(
                trigger: .bookingCompleted, type: .flagForCleaning, scope: "organization"))
            f.clock.set(hours(14, 38).start)
            let booking = try await f.book(try await f.makeMember(), rooms, hours(14, 38))
            _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id))
            f.clock.advance(by: 3_600)
            let one = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(booking.id), lineIDs: [booking.lines[0].id])
            #expect(one.status == .checkedIn)
            #expect(try await f.frontdesk.dispatch() > 0)
            // The room still occupied is not flagged: no booking_completed, one line event for room 101.
            #expect(try await f.frontdesk.resource(f.owner, rooms[0].id).housekeeping == .dirty)
            #expect(try await f.frontdesk.resource(f.owner, rooms[1].id).housekeeping == .clean)

            f.clock.advance(by: 60)
            _ = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(booking.id), lineIDs: [booking.lines[1].id])
            _ = try await f.frontdesk.dispatch()
            #expect(try await f.frontdesk.resource(f.owner, rooms[1].id).housekeeping == .dirty)
            #expect(try await f.bookingEvents().map(\.type).suffix(2) == [.bookingLineCheckedOut, .bookingCompleted])
        }
    }
}
