import Foundation
import FrontdeskCore
import Testing

/// A step of a booking's checkin moves the booking as its own per-line buttons do.
@Suite struct BookingCheckinMirrorTests {
    static let t = (1...6).map { Fixture.instant("2026-06-01T1\($0):00:00Z") }
    let l1 = Fixture.id(0x101), l2 = Fixture.id(0x102)

    func twoLines(_ status: BookingStatus = .confirmed, _ states: [BookingLine.State] = [.reserved, .reserved]) -> Booking {
        Fixture.booking(status, lines: states.enumerated().map { i, state in
            Fixture.line(i + 1, state: state, checkedInAt: state == .reserved ? nil : Self.t[0],
                         checkedOutAt: state == .released ? Self.t[1] : nil)
        }, version: 1)
    }

    func visit(_ n: Int, of booking: Booking, line: Int, checkIn: Date? = nil, checkOut: Date? = nil) -> Checkin {
        Checkin(id: Fixture.id(0x300 + n), organizationID: Fixture.organizationID, resourceID: Fixture.id(0x200 + line), locationID: Fixture.locationID,
                memberID: Fixture.memberID, bookingID: booking.id, bookingLineID: Fixture.id(0x100 + line),
                checkIn: checkIn, checkOut: checkOut, createdAt: Fixture.created)
    }

    @Test func checkingInAndOutTheVisitsMovesTheLinesAndTheBooking() throws {
        let t = Self.t
        var booking = twoLines()
        var a = visit(1, of: booking, line: 1), b = visit(2, of: booking, line: 2)

        var next = try a.checkingIn(at: t[1], now: t[1])
        var steps = try booking.following(next, from: a, linked: [a, b], now: t[1])
        #expect(steps.map(\.name) == ["check_in"])
        #expect(steps[0].booking == (try booking.applying(.checkIn, at: t[1], now: t[1], lineIDs: [l1])))
        (booking, a) = (steps[0].booking, next)
        #expect(booking.status == .checkedIn && booking.lines[0].checkedInAt == t[1])

        next = try b.checkingIn(at: t[2], now: t[2])
        steps = try booking.following(next, from: b, linked: [a, b], now: t[2])
        #expect(steps.map(\.booking.status) == [.checkedIn] && steps[0].booking.lines[1].state == .occupied)
        (booking, b) = (steps[0].booking, next)

        next = try a.checkingOut(at: t[3], now: t[3])
        steps = try booking.following(next, from: a, linked: [a, b], now: t[3])
        #expect(steps.map(\.name) == ["check_out"] && steps[0].booking.status == .checkedIn)
        #expect(steps[0].booking.lines[0].checkedOutAt == t[3])
        (booking, a) = (steps[0].booking, next)

        next = try b.checkingOut(at: t[4], now: t[4])
        steps = try booking.following(next, from: b, linked: [a, b], now: t[4])
        #expect(steps.map(\.booking.status) == [.completed] && steps[0].booking.actualEndAt == t[4])
    }

    @Test func aSecondVisitOfALineMovesNothingAndTheLastOneOutChecksTheLineOut() throws {
        let booking = twoLines(.checkedIn, [.occupied, .reserved])
        let first = visit(1, of: booking, line: 1, checkIn: Self.t[0]), second = visit(2, of: booking, line: 1)
        let arrived = try second.checkingIn(at: Self.t[1], now: Self.t[1])
        #expect(try booking.following(arrived, from: second, linked: [first, second], now: Self.t[1]).isEmpty)
        let left = try first.checkingOut(at: Self.t[2], now: Self.t[2])
        #expect(try booking.following(left, from: first, linked: [first, arrived], now: Self.t[2]).isEmpty)
        let last = try arrived.checkingOut(at: Self.t[3], now: Self.t[3])
        let steps = try booking.following(last, from: arrived, linked: [left, arrived], now: Self.t[3])
        #expect(steps.map(\.name) == ["check_out"] && steps[0].booking.lines[0].checkedOutAt == Self.t[3])
    }

    @Test func aPatchStampingBothMovesTheBookingTwice() throws {
        let booking = twoLines(.confirmed, [.reserved])
        let a = visit(1, of: booking, line: 1)
        let next = try a.applying(CheckinPatch(checkIn: Self.t[1], checkOut: Self.t[2]), now: Self.t[2])
        let steps = try booking.following(next, from: a, linked: [a], now: Self.t[2])
        #expect(steps.map(\.name) == ["check_in", "check_out"])
        #expect(steps.map(\.booking.status) == [.checkedIn, .completed])
    }

    @Test func undoingTheOnlyCheckInTakesTheBookingBackToConfirmed() throws {
        let booking = twoLines(.checkedIn, [.occupied, .reserved])
        let a = visit(1, of: booking, line: 1, checkIn: Self.t[0])
        let undone = try a.reverting(now: Self.t[1])
        let steps = try booking.following(undone, from: a, linked: [a], now: Self.t[1])
        #expect(steps.map(\.name) == ["revert"])
        let back = try #require(steps.first?.booking)
        #expect(back.status == .confirmed && back.lines[0].state == .reserved && back.lines[0].checkedInAt == nil)
        #expect(back.version == booking.version + 1 && back.events(from: booking).map(\.type) == [.bookingUpdated])
        #expect(back.isDueForNoShow(now: Self.t[5].addingTimeInterval(86_400), grace: 0, linked: [undone]))
    }

    @Test func undoingOneOfTwoCheckInsKeepsTheBookingCheckedIn() throws {
        let booking = twoLines(.checkedIn, [.occupied, .occupied])
        let b = visit(2, of: booking, line: 2, checkIn: Self.t[0])
        let steps = try booking.following(try b.reverting(now: Self.t[1]), from: b, linked: [b], now: Self.t[1])
        #expect(steps.map(\.booking.status) == [.checkedIn] && steps[0].booking.lines[1].state == .reserved)
    }

    @Test func undoingAStepIsTheBookingsOwnRevertOfTheLine() throws {
        let active = twoLines(.active, [.occupied, .occupied])
        let a = visit(1, of: active, line: 1, checkIn: Self.t[0])
        var steps = try active.following(try a.reverting(now: Self.t[1]), from: a, linked: [a], now: Self.t[1])
        #expect(steps.map(\.booking) == [try active.reverting(lineIDs: [l1], now: Self.t[1])])

        let completed = twoLines(.completed, [.released, .released])
        let done = visit(1, of: completed, line: 1, checkIn: Self.t[0], checkOut: Self.t[1])
        steps = try completed.following(try done.reverting(now: Self.t[2]), from: done, linked: [done], now: Self.t[2])
        #expect(steps.map(\.name) == ["revert"] && steps[0].booking.status == .checkedIn)
        #expect(steps[0].booking.lines.map(\.state) == [.occupied, .released])
    }

    @Test func whatCannotBeMirroredIsRefusedWithItsReason() throws {
        let ended = twoLines(.cancelled, [.released, .released])
        let left = visit(1, of: ended, line: 1, checkIn: Self.t[0], checkOut: Self.t[1])
        let error = thrownError { () throws(FrontdeskError) in
            try ended.following(try left.reverting(now: Self.t[2]), from: left, linked: [left], now: Self.t[2])
        }
        #expect(error?.code == "revert_not_mirrored" && error?.status == 409)
        #expect(error?.detail.contains("BK-2026-0007 is cancelled") == true)

        let cancelled = twoLines(.cancelled, [.released, .released])
        let late = visit(1, of: cancelled, line: 1)
        #expect(thrownError { () throws(FrontdeskError) in
            try cancelled.following(try late.checkingIn(at: Self.t[1], now: Self.t[1]), from: late, linked: [late], now: Self.t[1])
        }?.code == "booking_line_released")

        let pending = twoLines(.pending)
        let early = visit(1, of: pending, line: 1)
        #expect(thrownError { () throws(FrontdeskError) in
            try pending.following(try early.checkingIn(at: Self.t[1], now: Self.t[1]), from: early, linked: [early], now: Self.t[1])
        }?.code == "invalid_transition")
    }

    @Test func aStandaloneVisitOrAnEditMovesNothing() throws {
        let booking = twoLines()
        let a = visit(1, of: booking, line: 1)
        let edited = try a.applying(CheckinPatch(notes: "late arrival"), now: Self.t[1])
        #expect(try booking.following(edited, from: a, linked: [a], now: Self.t[1]).isEmpty)
        var standalone = a
        standalone.bookingID = nil
        standalone.bookingLineID = nil
        #expect(try booking.following(try standalone.checkingIn(at: Self.t[1], now: Self.t[1]), from: standalone,
                                      linked: [], now: Self.t[1]).isEmpty)
    }

    @Test func theNoShowRule() throws {
        let booking = twoLines()
        let start = booking.window.start, grace: TimeInterval = 7_200
        #expect(!booking.isDueForNoShow(now: start + grace - 1, grace: grace, linked: []))
        #expect(booking.isDueForNoShow(now: start + grace, grace: grace, linked: []))
        let a = visit(1, of: booking, line: 1)
        #expect(booking.isDueForNoShow(now: start + grace, grace: grace, linked: [a]), "a pending visit is no arrival")
        #expect(!booking.isDueForNoShow(now: start + grace, grace: grace,
                                        linked: [try a.checkingIn(at: start, now: start)]))
        let arrived = try booking.applying(.checkIn, at: start, now: start, lineIDs: [l1])
        var lineOnly = arrived
        lineOnly.status = .confirmed
        #expect(!lineOnly.isDueForNoShow(now: start + grace, grace: grace, linked: []))
        for status in BookingStatus.allCases where status != .confirmed {
            var other = booking
            other.status = status
            #expect(!other.isDueForNoShow(now: start + grace, grace: grace, linked: []), "\(status)")
        }
    }
}
