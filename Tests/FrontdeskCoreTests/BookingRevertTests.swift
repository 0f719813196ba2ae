import Foundation
import FrontdeskCore
import Testing

/// A booking's check-in or check-out undone, per line or whole: every status, against a table
/// written from the rule (not read from the code).
@Suite struct BookingRevertTests {
    static let arrived = Fixture.instant("2026-06-01T14:05:00Z")
    static let left = Fixture.instant("2026-06-02T09:00:00Z")
    static let now = Fixture.instant("2026-06-02T09:30:00Z")

    static func occupied(_ n: Int) -> BookingLine { Fixture.line(n, state: .occupied, checkedInAt: arrived) }
    static func checkedOut(_ n: Int) -> BookingLine {
        Fixture.line(n, state: .released, checkedInAt: arrived, checkedOutAt: left)
    }

    /// Whole-booking reverts: the booking before, and its status and line states after (nil: 409
    /// nothing_to_revert).
    static let whole: [(String, Booking, (BookingStatus, [BookingLine.State])?)] = [
        ("pending", Fixture.booking(.pending, lines: [Fixture.line(1)]), nil),
        ("confirmed", Fixture.booking(.confirmed, lines: [Fixture.line(1)]), nil),
        ("cancelled", Fixture.booking(.cancelled, lines: [checkedOut(1)]), nil),
        ("no_show", Fixture.booking(.noShow, lines: [Fixture.line(1, state: .released)]), nil),
        ("expired", Fixture.booking(.expired, lines: [Fixture.line(1, state: .released)]), nil),
        ("checked_in, one of two in", Fixture.booking(.checkedIn, lines: [occupied(1), Fixture.line(2)]),
         (.confirmed, [.reserved, .reserved])),
        ("checked_in, both in", Fixture.booking(.checkedIn, lines: [occupied(1), occupied(2)]),
         (.confirmed, [.reserved, .reserved])),
        ("checked_in, one out one in: the check-out first", Fixture.booking(.checkedIn, lines: [checkedOut(1), occupied(2)]),
         (.checkedIn, [.occupied, .occupied])),
        ("active", Fixture.booking(.active, lines: [occupied(1), occupied(2)], actualStartAt: arrived),
         (.confirmed, [.reserved, .reserved])),
        ("completed", Fixture.booking(.completed, lines: [checkedOut(1), checkedOut(2)]),
         (.checkedIn, [.occupied, .occupied])),
    ]

    @Test("whole", arguments: whole.indices)
    func wholeBooking(_ index: Int) {
        let (name, before, expected) = Self.whole[index]
        let result = Result { () throws(FrontdeskError) in try before.reverting(lineIDs: nil, now: Self.now) }
        switch (result, expected) {
        case (.success(let after), let (status, states)?):
            #expect(after.status == status, "\(name)")
            #expect(after.lines.map(\.state) == states, "\(name)")
            for (old, new) in zip(before.lines, after.lines) {
                if new.state == .reserved { #expect(new.checkedInAt == nil && new.checkedOutAt == nil, "\(name)") }
                if new.state == .occupied { #expect(new.checkedInAt == old.checkedInAt && new.checkedOutAt == nil, "\(name)") }
            }
            #expect(after.version == before.version + 1 && after.updatedAt == Self.now, "\(name)")
            if status == .confirmed { #expect(after.actualStartAt == nil && after.actualEndAt == nil, "\(name)") }
        case (.failure(let error), nil):
            #expect(error.code == "nothing_to_revert", "\(name)")
        default:
            Issue.record("\(name): got \(result), expected \(String(describing: expected))")
        }
    }

    @Test func perLine() throws {
        let booking = Fixture.booking(.checkedIn, lines: [Self.checkedOut(1), Self.occupied(2), Fixture.line(3)])
        let (one, two, three) = (booking.lines[0].id, booking.lines[1].id, booking.lines[2].id)
        // Line 2's check-in undone: line 1 is still checked in (out): the booking stays checked in.
        let after = try booking.reverting(lineIDs: [two], now: Self.now)
        #expect(after.status == .checkedIn && after.lines.map(\.state) == [.released, .reserved, .reserved])
        // Line 1's check-out, then its check-in: back to confirmed.
        let back = try after.reverting(lineIDs: [one], now: Self.now)
        #expect(back.status == .checkedIn && back.lines.map(\.state) == [.occupied, .reserved, .reserved])
        #expect(try back.reverting(lineIDs: [one], now: Self.now).status == .confirmed)

        #expect(thrownError { () throws(FrontdeskError) in try booking.reverting(lineIDs: [three], now: Self.now) }?.code
            == "nothing_to_revert")
        #expect(validationFields { () throws(FrontdeskError) in _ = try booking.reverting(lineIDs: [], now: Self.now) }
            == ["line_ids"])
        #expect(validationFields { () throws(FrontdeskError) in
            _ = try booking.reverting(lineIDs: [Fixture.id(0x999)], now: Self.now)
        } == ["line_ids"])
    }

    @Test("a completed booking gets back its start only if it had one of its own", arguments: [true, false])
    func completedStamps(started: Bool) throws {
        var booking = Fixture.booking(.completed, lines: [Self.checkedOut(1)], actualStartAt: started ? Self.arrived : Self.left)
        booking.actualEndAt = Self.left
        let after = try booking.reverting(lineIDs: nil, now: Self.now)
        #expect(after.status == .checkedIn && after.actualEndAt == nil)
        #expect(after.actualStartAt == (started ? Self.arrived : nil))
    }
}
