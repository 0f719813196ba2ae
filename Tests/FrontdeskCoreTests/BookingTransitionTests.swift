import Foundation
import FrontdeskCore
import Testing

/// Every status × every action, against a table written from the seed (not read from the code).
@Suite struct BookingTransitionTests {
    /// The desk's status machine: what each action leads to from each status. Missing = refused.
    static let table: [BookingStatus: [BookingAction: BookingStatus]] = [
        .pending: [.confirm: .confirmed, .expire: .expired, .cancel: .cancelled],
        .confirmed: [.checkIn: .checkedIn, .start: .active, .cancel: .cancelled, .noShow: .noShow],
        .checkedIn: [.start: .active, .checkOut: .completed, .cancel: .cancelled],
        .active: [.checkOut: .completed],
        .completed: [:],
        .cancelled: [:],
        .noShow: [:],
        .expired: [:],
    ]

    static let earlier = Fixture.instant("2026-06-01T14:05:00Z")
    static let at = Fixture.instant("2026-06-01T15:30:00.123Z")
    static let now = Fixture.instant("2026-06-01T15:30:07.456Z")

    /// A realistic booking in `status`: a checked-in booking has one line arrived and one not yet;
    /// an active one has both lines occupied and its start stamped.
    static func booking(in status: BookingStatus) -> Booking {
        switch status {
        case .pending, .confirmed:
            return Fixture.booking(status, lines: [Fixture.line(1), Fixture.line(2)])
        case .checkedIn:
            return Fixture.booking(status, lines: [
                Fixture.line(1, state: .occupied, checkedInAt: earlier), Fixture.line(2),
            ])
        case .active:
            return Fixture.booking(status, lines: [
                Fixture.line(1, state: .occupied, checkedInAt: earlier),
                Fixture.line(2, state: .occupied, checkedInAt: earlier),
            ], actualStartAt: earlier)
        case .completed, .cancelled, .noShow, .expired:
            return Fixture.booking(status, lines: [
                Fixture.line(1, state: .released), Fixture.line(2, state: .released),
            ])
        }
    }

    /// What the lines must look like after `action`, from the seed's rules.
    static func expectedLines(_ lines: [BookingLine], after action: BookingAction) -> [BookingLine] {
        lines.map { line in
            var l = line
            switch action {
            case .confirm:
                break
            case .checkIn, .start:
                if l.state == .reserved { l.state = .occupied; l.checkedInAt = at }
            case .checkOut, .cancel, .noShow, .expire:
                if l.state == .occupied { l.checkedOutAt = at }
                l.state = .released
            }
            return l
        }
    }

    @Test("every status × every action", arguments: BookingStatus.allCases, BookingAction.allCases)
    func transition(from status: BookingStatus, action: BookingAction) throws {
        let before = Self.booking(in: status)
        let reason: String? = action == .cancel ? "guest asked" : nil
        let result = Result { () throws(FrontdeskError) -> Booking in
            try before.applying(action, at: Self.at, now: Self.now, reason: reason)
        }

        guard let target = Self.table[status]?[action] else {
            let allowed = Set(Self.table[status]!.values)
            switch result {
            case .success(let after):
                Issue.record("\(status.rawValue) + \(action.rawValue) should be refused, became \(after.status.rawValue)")
            case .failure(.invalidTransition(let from, let to, let allowedList)):
                #expect(from == status)
                #expect(to == action.target)
                #expect(Set(allowedList) == allowed)
                #expect(allowedList.count == allowed.count, "allowed list has duplicates: \(allowedList)")
            case .failure(let other):
                Issue.record("expected invalid_transition, got \(other)")
            }
            return
        }

        let after = try result.get()
        #expect(after.status == target)
        #expect(after.version == before.version + 1)
        #expect(after.updatedAt == Self.now)
        #expect(after.lines == Self.expectedLines(before.lines, after: action))
        #expect(after.cancellationReason == reason)

        switch action {
        case .start:
            #expect(after.actualStartAt == (before.actualStartAt ?? Self.at))
            #expect(after.actualEndAt == nil)
        case .checkOut:
            #expect(after.actualStartAt == (before.actualStartAt ?? Self.at))
            #expect(after.actualEndAt == Self.at)
        default:
            // check_in stamps no booking time (the seed: "No timestamp stamped").
            #expect(after.actualStartAt == before.actualStartAt)
            #expect(after.actualEndAt == before.actualEndAt)
        }
        // Nothing else moves.
        #expect(after.id == before.id)
        #expect(after.number == before.number)
        #expect(after.createdAt == before.createdAt)
        #expect(after.totalAmount == before.totalAmount)
        #expect(after.status.holdsResources == after.lines.contains(where: \.holds))
    }

    @Test func everyStatusHasARow() {
        #expect(Set(Self.table.keys) == Set(BookingStatus.allCases))
        #expect(BookingStatus.allCases.count == 8)
        #expect(BookingAction.allCases.count == 7)
    }

    @Test("allowedNext matches the table", arguments: BookingStatus.allCases)
    func allowedNext(_ status: BookingStatus) {
        let expected = Set(Self.table[status]!.values)
        #expect(Set(status.allowedNext) == expected)
        for next in BookingStatus.allCases {
            #expect(status.canMove(to: next) == expected.contains(next), "\(status.rawValue) → \(next.rawValue)")
        }
    }

    @Test func actionTargets() {
        let expected: [BookingAction: BookingStatus] = [
            .confirm: .confirmed, .checkIn: .checkedIn, .start: .active, .checkOut: .completed,
            .cancel: .cancelled, .noShow: .noShow, .expire: .expired,
        ]
        for action in BookingAction.allCases {
            #expect(action.target == expected[action])
            // The PATCH `status` override is the action entering that status.
            #expect(BookingAction(entering: expected[action]!) == action)
        }
        #expect(BookingAction(entering: .pending) == nil)
        #expect(BookingAction.checkIn.rawValue == "check_in")
        #expect(BookingAction.checkOut.rawValue == "check_out")
        #expect(BookingAction.noShow.rawValue == "no_show")
    }

    @Test func statusSets() {
        #expect(BookingStatus.holding == [.pending, .confirmed, .checkedIn, .active])
        #expect(Set(BookingStatus.creatable) == [.pending, .confirmed, .active])
        #expect(BookingStatus.allCases.filter(\.isDeletable) == [.cancelled, .expired])
        #expect(BookingStatus.checkedIn.rawValue == "checked_in")
        #expect(BookingStatus.noShow.rawValue == "no_show")
    }

    @Test func happyPathWalk() throws {
        var b = Fixture.booking(.pending, lines: [Fixture.line(1)], version: 1)
        let t = (1...4).map { Fixture.instant("2026-06-01T1\($0):00:00Z") }
        b = try b.applying(.confirm, at: t[0], now: t[0])
        b = try b.applying(.checkIn, at: t[1], now: t[1])
        #expect(b.lines[0].checkedInAt == t[1])
        #expect(b.actualStartAt == nil)
        b = try b.applying(.start, at: t[2], now: t[2])
        #expect(b.actualStartAt == t[2])
        #expect(b.lines[0].checkedInAt == t[1], "start must not re-stamp an arrived line")
        b = try b.applying(.checkOut, at: t[3], now: t[3])
        #expect(b.status == .completed)
        #expect(b.version == 5)
        #expect(b.actualStartAt == t[2])
        #expect(b.actualEndAt == t[3])
        #expect(b.lines[0].checkedOutAt == t[3])
        #expect(b.lines[0].state == .released)
        #expect(b.updatedAt == t[3])
    }

    @Test func walkInCompletedWithoutStartStampsBothEnds() throws {
        // confirmed → checked_in → completed: actual_start_at was never set.
        var b = Fixture.booking(.confirmed, lines: [Fixture.line(1)])
        b = try b.applying(.checkIn, at: Self.earlier, now: Self.earlier)
        b = try b.applying(.checkOut, at: Self.at, now: Self.now)
        #expect(b.actualStartAt == Self.at)
        #expect(b.actualEndAt == Self.at)
    }

    @Test func stampsAreMillisecondInstants() throws {
        let sub = Date(timeIntervalSince1970: 1_780_000_000.123_456_7)
        let b = try Fixture.booking(.confirmed, lines: [Fixture.line(1)])
            .applying(.start, at: sub, now: sub)
        #expect(b.actualStartAt == Date(timeIntervalSince1970: 1_780_000_000.123))
        #expect(b.lines[0].checkedInAt == Date(timeIntervalSince1970: 1_780_000_000.123))
        #expect(b.updatedAt == Date(timeIntervalSince1970: 1_780_000_000.123))
    }

    @Test func invalidTransitionError() {
        let error = thrownError { () throws(FrontdeskError) in
            try Fixture.booking(.completed, lines: [Fixture.line(1, state: .released)])
                .applying(.cancel, at: Self.at, now: Self.now)
        }
        #expect(error == .invalidTransition(from: .completed, to: .cancelled, allowed: []))
        #expect(error?.code == "invalid_transition")
        #expect(error?.status == 409)
        #expect(error?.detail == "A completed booking cannot become cancelled; allowed: none.")
    }

    @Test func cancelReasonIsKeptOnlyByCancel() throws {
        let cancelled = try Fixture.booking(.confirmed, lines: [Fixture.line(1)])
            .applying(.cancel, at: Self.at, now: Self.now, reason: "double booked by phone")
        #expect(cancelled.cancellationReason == "double booked by phone")
        let noReason = try Fixture.booking(.confirmed, lines: [Fixture.line(1)])
            .applying(.cancel, at: Self.at, now: Self.now)
        #expect(noReason.cancellationReason == nil)
    }
}
