import Foundation
import FrontdeskCore
import Testing

/// Check-in and check-out of some lines of a multi-line booking (a hotel's per-room arrival).
@Suite struct LineCheckInTests {
    static let t = (1...6).map { Fixture.instant("2026-06-01T1\($0):00:00Z") }
    let l1 = Fixture.id(0x101)
    let l2 = Fixture.id(0x102)

    func twoLines(_ status: BookingStatus = .confirmed) -> Booking {
        Fixture.booking(status, lines: [Fixture.line(1), Fixture.line(2)], version: 1)
    }

    @Test func perLineArrivalAndDeparture() throws {
        let t = Self.t
        var b = twoLines()

        b = try b.applying(.checkIn, at: t[0], now: t[0], lineIDs: [l1])
        #expect(b.status == .checkedIn)
        #expect(b.lines[0].state == .occupied)
        #expect(b.lines[0].checkedInAt == t[0])
        #expect(b.lines[1].state == .reserved)
        #expect(b.lines[1].checkedInAt == nil)
        #expect(b.version == 2)

        b = try b.applying(.checkIn, at: t[1], now: t[1], lineIDs: [l2])
        #expect(b.status == .checkedIn)
        #expect(b.lines[1].state == .occupied)
        #expect(b.lines[1].checkedInAt == t[1])
        #expect(b.lines[0].checkedInAt == t[0])
        #expect(b.version == 3)

        b = try b.applying(.checkOut, at: t[2], now: t[2], lineIDs: [l1])
        #expect(b.status == .checkedIn)
        #expect(b.lines[0].state == .released)
        #expect(b.lines[0].checkedOutAt == t[2])
        #expect(b.lines[1].state == .occupied)
        #expect(b.lines[1].checkedOutAt == nil)
        #expect(b.actualEndAt == nil)
        #expect(b.version == 4)

        b = try b.applying(.checkOut, at: t[3], now: t[3], lineIDs: [l2])
        #expect(b.status == .completed)
        #expect(b.lines.allSatisfy { $0.state == .released })
        #expect(b.lines[1].checkedOutAt == t[3])
        #expect(b.lines[0].checkedOutAt == t[2], "an earlier departure keeps its stamp")
        #expect(b.actualEndAt == t[3])
        #expect(b.actualStartAt == t[3])
        #expect(b.version == 5)
        #expect(b.updatedAt == t[3])
    }

    @Test func checkingInEveryLineAtOnce() throws {
        let b = try twoLines().applying(.checkIn, at: Self.t[0], now: Self.t[0], lineIDs: [l1, l2])
        #expect(b.status == .checkedIn)
        #expect(b.lines.allSatisfy { $0.state == .occupied && $0.checkedInAt == Self.t[0] })
    }

    @Test func checkingOutEveryOccupiedLineCompletes() throws {
        var b = try twoLines().applying(.checkIn, at: Self.t[0], now: Self.t[0])
        b = try b.applying(.checkOut, at: Self.t[1], now: Self.t[1], lineIDs: [l1, l2])
        #expect(b.status == .completed)
        #expect(b.lines.allSatisfy { $0.checkedOutAt == Self.t[1] })
    }

    @Test func activeBookingReturnsLineByLine() throws {
        var b = try twoLines().applying(.start, at: Self.t[0], now: Self.t[0])
        b = try b.applying(.checkOut, at: Self.t[1], now: Self.t[1], lineIDs: [l2])
        #expect(b.status == .active)
        #expect(b.lines[1].state == .released)
        #expect(b.lines[1].checkedOutAt == Self.t[1])
        #expect(b.lines[0].state == .occupied)
        b = try b.applying(.checkOut, at: Self.t[2], now: Self.t[2], lineIDs: [l1])
        #expect(b.status == .completed)
        #expect(b.actualStartAt == Self.t[0])
        #expect(b.actualEndAt == Self.t[2])
    }

    @Test func checkingOutAReturnedLineAgainIsRefused() throws {
        let b = try twoLines().applying(.start, at: Self.t[0], now: Self.t[0])
            .applying(.checkOut, at: Self.t[1], now: Self.t[1], lineIDs: [l1])
        #expect(Set(validationFields { () throws(FrontdeskError) in
            _ = try b.applying(.checkOut, at: Self.t[2], now: Self.t[2], lineIDs: [l1])
        }) == ["line_ids"])
    }

    @Test func unknownLineIsAValidationFailure() {
        let stranger = Fixture.id(0x999)
        #expect(Set(validationFields { () throws(FrontdeskError) in
            _ = try twoLines().applying(.checkIn, at: Self.t[0], now: Self.t[0], lineIDs: [stranger])
        }) == ["line_ids"])
        #expect(Set(validationFields { () throws(FrontdeskError) in
            _ = try twoLines().applying(.checkIn, at: Self.t[0], now: Self.t[0], lineIDs: [l1, stranger])
        }) == ["line_ids"])
    }

    @Test func emptySelectionIsAValidationFailure() {
        #expect(Set(validationFields { () throws(FrontdeskError) in
            _ = try twoLines().applying(.checkIn, at: Self.t[0], now: Self.t[0], lineIDs: [])
        }) == ["line_ids"])
    }

    @Test func checkingInAnArrivedLineAgainIsRefused() throws {
        let b = try twoLines().applying(.checkIn, at: Self.t[0], now: Self.t[0], lineIDs: [l1])
        #expect(Set(validationFields { () throws(FrontdeskError) in
            _ = try b.applying(.checkIn, at: Self.t[1], now: Self.t[1], lineIDs: [l1])
        }) == ["line_ids"])
    }

    @Test func checkingOutALineThatNeverArrivedIsRefused() throws {
        let b = try twoLines().applying(.checkIn, at: Self.t[0], now: Self.t[0], lineIDs: [l1])
        #expect(Set(validationFields { () throws(FrontdeskError) in
            _ = try b.applying(.checkOut, at: Self.t[1], now: Self.t[1], lineIDs: [l2])
        }) == ["line_ids"])
        #expect(Set(validationFields { () throws(FrontdeskError) in
            _ = try twoLines().applying(.checkOut, at: Self.t[1], now: Self.t[1], lineIDs: [l1])
        }) == ["line_ids"])
    }

    @Test("line_ids only go with check-in and check-out",
          arguments: [BookingAction.confirm, .start, .cancel, .noShow, .expire])
    func lineIDsWithOtherActions(_ action: BookingAction) {
        #expect(Set(validationFields { () throws(FrontdeskError) in
            _ = try twoLines(.pending).applying(action, at: Self.t[0], now: Self.t[0], lineIDs: [l1])
        }) == ["line_ids"])
    }

    @Test func perLineCheckInStillFollowsTheStatusMachine() {
        let error = thrownError { () throws(FrontdeskError) in
            try twoLines(.pending).applying(.checkIn, at: Self.t[0], now: Self.t[0], lineIDs: [l1])
        }
        #expect(error == .invalidTransition(from: .pending, to: .checkedIn, allowed: [.confirmed, .cancelled, .expired])
            || error == .invalidTransition(from: .pending, to: .checkedIn, allowed: [.confirmed, .expired, .cancelled]))
    }

    @Test func startOccupiesLinesThatHadNotArrived() throws {
        var b = try twoLines().applying(.checkIn, at: Self.t[0], now: Self.t[0], lineIDs: [l1])
        b = try b.applying(.start, at: Self.t[1], now: Self.t[1])
        #expect(b.status == .active)
        #expect(b.lines[0].checkedInAt == Self.t[0])
        #expect(b.lines[1].state == .occupied)
        #expect(b.lines[1].checkedInAt == Self.t[1])
    }
}
