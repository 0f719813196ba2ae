import Foundation
import FrontdeskCore
import Testing

/// Readying a booking when a check-out frees its resource ahead of it.
@Suite struct BookingReadyTests {
    static let freed = Fixture.instant("2026-06-01T09:30:00Z")
    static let now = Fixture.instant("2026-06-01T09:30:05Z")

    @Test(arguments: BookingStatus.allCases)
    func onlyABookingAwaitingItsGuestIsReadied(_ status: BookingStatus) throws {
        let booking = Fixture.booking(status, lines: [Fixture.line(1)])
        let ready = booking.readied(at: Self.freed, now: Self.now)
        guard status == .pending || status == .confirmed else {
            #expect(ready == nil)
            return
        }
        let next = try #require(ready)
        #expect(next.readyAt == Self.freed && next.version == booking.version + 1 && next.updatedAt == Self.now)
        #expect(next.status == status && next.lines == booking.lines)
    }

    @Test func aBookingIsReadiedOnce() throws {
        let once = try #require(Fixture.booking(.confirmed, lines: [Fixture.line(1)]).readied(at: Self.freed, now: Self.now))
        #expect(once.readied(at: Self.now, now: Self.now) == nil)
    }
}
