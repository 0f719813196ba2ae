import Foundation
import FrontdeskCore
import Testing

/// Desk times make sense: no stamp in the future beyond a minute of skew, no departure before its
/// arrival, and a booking line and its checkins carry the same stamps.
@Suite struct DeskStampTests {
    static let now = Fixture.instant("2026-06-01T15:30:00Z")

    @Test("a stamp a minute ahead passes, further is a 422 on its field", arguments: [(60.0, true), (61.0, false)])
    func futureStamps(ahead: TimeInterval, passes: Bool) {
        let at = Self.now.addingTimeInterval(ahead)
        let pending = Checkin(id: Fixture.id(1), organizationID: Fixture.organizationID, resourceID: Fixture.id(2), locationID: Fixture.locationID,
                              createdAt: Fixture.created)
        let checkinFields = validationFields { () throws(FrontdeskError) in _ = try pending.checkingIn(at: at, now: Self.now) }
        let patchFields = validationFields { () throws(FrontdeskError) in
            _ = try pending.applying(CheckinPatch(checkIn: at), now: Self.now)
        }
        let booking = Fixture.booking(.confirmed, lines: [Fixture.line(1)])
        let bookingFields = validationFields { () throws(FrontdeskError) in
            _ = try booking.applying(.checkIn, at: at, now: Self.now)
        }
        #expect(checkinFields == (passes ? [] : ["at"]))
        #expect(patchFields == (passes ? [] : ["check_in"]))
        #expect(bookingFields == (passes ? [] : ["at"]))
    }

    @Test("a booking's check-out or cancellation before a line's check-in is a 422 on at",
          arguments: [BookingAction.checkOut, .cancel])
    func departureBeforeArrival(action: BookingAction) {
        let arrived = Fixture.instant("2026-06-01T14:00:00Z")
        let booking = Fixture.booking(.checkedIn, lines: [Fixture.line(1, state: .occupied, checkedInAt: arrived)])
        let fields = validationFields { () throws(FrontdeskError) in
            _ = try booking.applying(action, at: arrived.addingTimeInterval(-1), now: Self.now)
        }
        #expect(fields == ["at"])
        let after = try? booking.applying(action, at: arrived, now: Self.now)
        #expect(after?.lines[0].checkedOutAt == arrived, "leaving as one arrives is allowed")
    }

    @Test func aLinesCheckinsLeaveAtTheLinesStampOrNotAtAll() throws {
        let arrived = Fixture.instant("2026-06-01T14:00:00Z"), left = Fixture.instant("2026-06-01T15:00:00Z")
        let before = Fixture.booking(.checkedIn, lines: [Fixture.line(1, state: .occupied, checkedInAt: arrived)])
        let after = try before.applying(.checkOut, at: left, now: Self.now)
        func visit(from start: Date) -> Checkin {
            Checkin(id: Fixture.id(9), organizationID: Fixture.organizationID, resourceID: before.lines[0].resourceID, locationID: Fixture.locationID,
                    bookingID: before.id, bookingLineID: before.lines[0].id, checkIn: start, createdAt: Fixture.created)
        }
        let same = try Checkin.following(after, from: before, linked: [visit(from: arrived)], now: Self.now) { Fixture.id(10) }
        #expect(same.map(\.checkOut) == [left])
        // A visit that began after the line's check-out stamp: refused, never stored at another time.
        let fields = validationFields { () throws(FrontdeskError) in
            _ = try Checkin.following(after, from: before, linked: [visit(from: left.addingTimeInterval(60))],
                                      now: Self.now) { Fixture.id(10) }
        }
        #expect(fields == ["at"])
    }
}
