import Foundation
import FrontdeskCore
import Testing

/// A location's day at the desk: each booking in the one list where the desk acts on it next, in
/// the order the desk meets them, with its one right button.
@Suite struct DayManifestTests {
    /// A booking numbered `n`, of one line over `start`–`end`, in `status`.
    static func booking(_ n: Int, _ status: BookingStatus, _ start: String, _ end: String) -> Booking {
        let inHouse: Set<BookingStatus> = [.checkedIn, .active]
        var booking = Fixture.booking(status, lines: [Fixture.line(
            n, state: inHouse.contains(status) ? .occupied : .reserved,
            checkedInAt: inHouse.contains(status) ? Fixture.instant(start) : nil, window: Fixture.window(start, end))])
        booking.id = Fixture.id(0xE00 + n)
        booking.number = "BK-2026-000\(n)"
        return booking
    }

    @Test func eachBookingIsWhereTheDeskActsOnItNext() {
        let day = LocalDate("2026-06-02")!
        // Lisbon is an hour ahead of UTC in June: the day ends at 23:00 UTC.
        let manifest = DayManifest(day: day, timeZone: Fixture.zone("Europe/Lisbon"), bookings: [
            Self.booking(1, .confirmed, "2026-06-02T16:00:00Z", "2026-06-04T10:00:00Z"),   // arrives later today
            Self.booking(2, .pending, "2026-06-02T09:00:00Z", "2026-06-03T10:00:00Z"),     // arrives, unconfirmed
            Self.booking(3, .confirmed, "2026-06-02T23:30:00Z", "2026-06-04T10:00:00Z"),   // tomorrow, local time
            Self.booking(4, .checkedIn, "2026-06-01T14:00:00Z", "2026-06-02T10:00:00Z"),   // leaves today
            Self.booking(5, .checkedIn, "2026-05-30T14:00:00Z", "2026-06-01T10:00:00Z"),   // overdue
            Self.booking(6, .active, "2026-06-01T14:00:00Z", "2026-06-05T10:00:00Z"),      // stays on
            Self.booking(7, .completed, "2026-06-01T14:00:00Z", "2026-06-02T10:00:00Z"),   // gone
            Self.booking(8, .cancelled, "2026-06-02T14:00:00Z", "2026-06-03T10:00:00Z"),   // never
            Self.booking(4, .checkedIn, "2026-06-01T14:00:00Z", "2026-06-02T10:00:00Z"),   // read twice, shown once
        ])
        #expect(manifest.arrivals.map(\.number) == ["BK-2026-0002", "BK-2026-0001"])
        #expect(manifest.departures.map(\.number) == ["BK-2026-0005", "BK-2026-0004"])
        #expect(manifest.inHouse.map(\.number) == ["BK-2026-0006"])
        #expect(manifest.arrivals.map { DayManifest.nextStep(of: $0) } == [.confirm, .checkIn])
        #expect(manifest.departures.map { DayManifest.nextStep(of: $0) } == [.checkOut, .checkOut])
        #expect(DayManifest.nextStep(of: Self.booking(7, .completed, "2026-06-01T14:00:00Z", "2026-06-02T10:00:00Z")) == nil)
    }
}
