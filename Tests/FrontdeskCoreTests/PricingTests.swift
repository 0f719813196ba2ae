import Foundation
import FrontdeskCore
import Testing

/// Units of a window per rate unit: nights in the location's zone (DST-safe), started hours and
/// days, one session; never less than one.
@Suite struct PricingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var unit: RateUnit
        var zone: String
        var start: String
        var end: String
        var units: Int
        var testDescription: String { "\(unit.rawValue) \(zone) \(start) → \(end) = \(units)" }
    }

    static let cases: [Case] = [
        // Spring forward in Paris (Sunday 2026-03-29): 14:00 CET → 11:00 CEST, two nights.
        Case(unit: .night, zone: "Europe/Paris", start: "2026-03-28T13:00:00Z", end: "2026-03-30T09:00:00Z", units: 2),
        // Fall back in Paris (Sunday 2026-10-25): 14:00 CEST → 11:00 CET, two nights.
        Case(unit: .night, zone: "Europe/Paris", start: "2026-10-24T12:00:00Z", end: "2026-10-26T10:00:00Z", units: 2),
        // One night across each change.
        Case(unit: .night, zone: "Europe/Paris", start: "2026-03-28T13:00:00Z", end: "2026-03-29T09:00:00Z", units: 1),
        Case(unit: .night, zone: "Europe/Paris", start: "2026-10-24T12:00:00Z", end: "2026-10-25T10:00:00Z", units: 1),
        // New York springs forward on 2026-03-08 and falls back on 2026-11-01.
        Case(unit: .night, zone: "America/New_York", start: "2026-03-07T20:00:00Z", end: "2026-03-09T15:00:00Z", units: 2),
        Case(unit: .night, zone: "America/New_York", start: "2026-10-31T19:00:00Z", end: "2026-11-02T16:00:00Z", units: 2),
        // Nights are read in the zone, not in UTC: 23:00 in Tokyo on the 1st to 01:00 on the 3rd.
        Case(unit: .night, zone: "Asia/Tokyo", start: "2026-06-01T14:00:00Z", end: "2026-06-02T16:00:00Z", units: 2),
        Case(unit: .night, zone: "UTC", start: "2026-06-01T14:00:00Z", end: "2026-06-02T16:00:00Z", units: 1),
        // A day use (same local date) still costs one night.
        Case(unit: .night, zone: "Europe/Paris", start: "2026-06-01T08:00:00Z", end: "2026-06-01T16:00:00Z", units: 1),
        // A week across the end of a year.
        Case(unit: .night, zone: "Europe/Paris", start: "2026-12-28T13:00:00Z", end: "2027-01-04T10:00:00Z", units: 7),
        // Started hours.
        Case(unit: .hour, zone: "UTC", start: "2026-06-01T10:00:00Z", end: "2026-06-01T11:00:00Z", units: 1),
        Case(unit: .hour, zone: "UTC", start: "2026-06-01T10:00:00Z", end: "2026-06-01T11:01:00Z", units: 2),
        Case(unit: .hour, zone: "UTC", start: "2026-06-01T10:00:00Z", end: "2026-06-01T10:10:00Z", units: 1),
        Case(unit: .hour, zone: "UTC", start: "2026-06-01T10:00:00Z", end: "2026-06-01T13:00:00.001Z", units: 4),
        // Hours are elapsed hours: 00:00 → 04:00 in Paris on the spring-forward night is three.
        Case(unit: .hour, zone: "Europe/Paris", start: "2026-03-28T23:00:00Z", end: "2026-03-29T02:00:00Z", units: 3),
        // Started days.
        Case(unit: .day, zone: "UTC", start: "2026-06-01T10:00:00Z", end: "2026-06-02T10:00:00Z", units: 1),
        Case(unit: .day, zone: "UTC", start: "2026-06-01T10:00:00Z", end: "2026-06-02T11:00:00Z", units: 2),
        Case(unit: .day, zone: "UTC", start: "2026-06-01T10:00:00Z", end: "2026-06-01T10:01:00Z", units: 1),
        Case(unit: .day, zone: "UTC", start: "2026-06-01T10:00:00Z", end: "2026-06-08T10:00:00Z", units: 7),
        // A session is one, however long.
        Case(unit: .session, zone: "UTC", start: "2026-06-01T10:00:00Z", end: "2026-06-01T10:45:00Z", units: 1),
        Case(unit: .session, zone: "UTC", start: "2026-06-01T10:00:00Z", end: "2026-06-04T10:45:00Z", units: 1),
    ]

    @Test(arguments: cases)
    func units(_ c: Case) {
        let window = Fixture.window(c.start, c.end)
        #expect(c.unit.units(of: window, in: Fixture.zone(c.zone)) == c.units)
        #expect(c.unit.price(rate: 2_500, window: window, in: Fixture.zone(c.zone)) == 2_500 * c.units)
    }

    @Test func freeResourcesCostNothing() {
        #expect(RateUnit.night.price(rate: 0, window: Fixture.window("2026-06-01T12:00:00Z", "2026-06-04T09:00:00Z"),
                                     in: .gmt) == 0)
    }

    @Test func rateUnitNames() {
        #expect(RateUnit.allCases.map(\.rawValue) == ["night", "day", "hour", "session"])
    }
}

/// Hotel dates read in the location's zone with the organization's check-in and check-out times.
@Suite struct StayDatesTests {
    static let checkIn = LocalTime("14:00")!
    static let checkOut = LocalTime("11:00")!

    struct Case: Sendable, CustomTestStringConvertible {
        var zone: String
        var checkIn: String
        var checkOut: String
        var start: String
        var end: String
        var testDescription: String { "\(zone) \(checkIn) → \(checkOut)" }
    }

    static let cases: [Case] = [
        Case(zone: "Europe/Paris", checkIn: "2026-03-28", checkOut: "2026-03-30",
             start: "2026-03-28T13:00:00Z", end: "2026-03-30T09:00:00Z"),
        Case(zone: "Europe/Paris", checkIn: "2026-03-29", checkOut: "2026-03-30",
             start: "2026-03-29T12:00:00Z", end: "2026-03-30T09:00:00Z"),
        Case(zone: "Europe/Paris", checkIn: "2026-10-24", checkOut: "2026-10-26",
             start: "2026-10-24T12:00:00Z", end: "2026-10-26T10:00:00Z"),
        Case(zone: "Europe/Paris", checkIn: "2026-10-25", checkOut: "2026-10-26",
             start: "2026-10-25T13:00:00Z", end: "2026-10-26T10:00:00Z"),
        Case(zone: "America/New_York", checkIn: "2026-03-07", checkOut: "2026-03-09",
             start: "2026-03-07T19:00:00Z", end: "2026-03-09T15:00:00Z"),
        Case(zone: "America/New_York", checkIn: "2026-10-31", checkOut: "2026-11-02",
             start: "2026-10-31T18:00:00Z", end: "2026-11-02T16:00:00Z"),
        Case(zone: "Asia/Tokyo", checkIn: "2026-12-31", checkOut: "2027-01-01",
             start: "2026-12-31T05:00:00Z", end: "2027-01-01T02:00:00Z"),
        Case(zone: "UTC", checkIn: "2028-02-28", checkOut: "2028-03-01",
             start: "2028-02-28T14:00:00Z", end: "2028-03-01T11:00:00Z"),
    ]

    @Test(arguments: cases)
    func window(_ c: Case) {
        let stay = StayDates(checkIn: LocalDate(c.checkIn)!, checkOut: LocalDate(c.checkOut)!)
        let w = stay.window(checkInTime: Self.checkIn, checkOutTime: Self.checkOut, timeZone: Fixture.zone(c.zone))
        #expect(w.start == Fixture.instant(c.start))
        #expect(w.end == Fixture.instant(c.end))
    }

    @Test func stayNightsMatchItsDatesAcrossDST() {
        let paris = Fixture.zone("Europe/Paris")
        for (a, b, nights) in [("2026-03-28", "2026-03-30", 2), ("2026-10-24", "2026-10-26", 2), ("2026-03-29", "2026-04-05", 7)] {
            let w = StayDates(checkIn: LocalDate(a)!, checkOut: LocalDate(b)!)
                .window(checkInTime: Self.checkIn, checkOutTime: Self.checkOut, timeZone: paris)
            #expect(RateUnit.night.units(of: w, in: paris) == nights, "\(a) → \(b)")
        }
    }

    @Test func aTimeSkippedBySpringForwardLandsAfterTheGap() {
        // 02:30 does not exist in Paris on 2026-03-29 (02:00 CET jumps to 03:00 CEST = 01:00Z).
        let instant = LocalDate("2026-03-29")!.instant(at: LocalTime("02:30")!, in: Fixture.zone("Europe/Paris"))
        #expect(instant >= Fixture.instant("2026-03-29T01:00:00Z"))
        #expect(instant <= Fixture.instant("2026-03-29T01:30:00Z"))
    }
}
