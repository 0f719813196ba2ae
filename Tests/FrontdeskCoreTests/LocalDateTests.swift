import Foundation
import FrontdeskCore
import Testing

/// `YYYY-MM-DD` calendar dates.
@Suite struct LocalDateTests {
    @Test(arguments: ["2026-01-01", "2026-02-28", "2028-02-29", "2000-02-29", "2026-12-31", "2026-04-30"])
    func parsesRealDates(_ text: String) throws {
        let date = try #require(LocalDate(text))
        #expect(date.description == text)
        let parts = text.split(separator: "-").map { Int($0)! }
        #expect([date.year, date.month, date.day] == parts)
    }

    @Test(arguments: [
        "2026-02-30", "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32",
        "2026-1-01", "2026-01-1", "26-01-01", "02026-01-01", "2026/01/01", "2026-01-01T00:00", "2026-01-01-",
        "", "--", "abcd-ef-gh", " 2026-01-01", "2026-01-01 ", "2026-+1-01", "2026-01-+1", "+026-01-01", "2026-0x-01",
    ])
    func rejects(_ text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test func refusalsSayWhy() throws {
        #expect(throws: TimeTextError(text: "2030-02-30", expected: LocalDate.expected,
                                      reason: "has day 30, but February 2030 has 28 days")) { try LocalDate.parse("2030-02-30") }
        #expect(throws: TimeTextError(text: "2030-1-01", expected: LocalDate.expected,
                                      reason: "is not written that way")) { try LocalDate.parse("2030-1-01") }
        #expect(try LocalDate.parse("2024-02-29").description == "2024-02-29")
    }

    @Test func descriptionPadsWithZeros() {
        #expect(LocalDate("2026-03-05")!.description == "2026-03-05")
        #expect(LocalDate("0999-03-05")?.description == "0999-03-05")
    }

    @Test func ordering() {
        let dates = ["2026-12-31", "2026-01-02", "2025-12-31", "2026-02-01", "2026-01-10"].map { LocalDate($0)! }
        #expect(dates.sorted().map(\.description) == ["2025-12-31", "2026-01-02", "2026-01-10", "2026-02-01", "2026-12-31"])
        #expect(LocalDate("2026-01-01")! == LocalDate("2026-01-01")!)
    }

    @Test func daysUntil() {
        func d(_ a: String, _ b: String) -> Int { LocalDate(a)!.days(until: LocalDate(b)!) }
        #expect(d("2026-03-28", "2026-03-30") == 2)
        #expect(d("2026-10-24", "2026-10-26") == 2)
        #expect(d("2026-02-28", "2026-03-01") == 1)
        #expect(d("2028-02-28", "2028-03-01") == 2)
        #expect(d("2026-12-31", "2027-01-01") == 1)
        #expect(d("2026-01-01", "2027-01-01") == 365)
        #expect(d("2026-06-01", "2026-06-01") == 0)
        #expect(d("2026-06-03", "2026-06-01") == -2)
    }

    @Test func dateOfAnInstantDependsOnTheZone() {
        let instant = Fixture.instant("2026-12-31T23:30:00Z")
        #expect(LocalDate(instant, in: .gmt).description == "2026-12-31")
        #expect(LocalDate(instant, in: Fixture.zone("Asia/Tokyo")).description == "2027-01-01")
        #expect(LocalDate(Fixture.instant("2026-06-01T03:00:00Z"), in: Fixture.zone("America/Los_Angeles")).description
            == "2026-05-31")
    }

    /// The arithmetic against Foundation's calendar, over four centuries (from 1583: before that,
    /// Foundation's calendar is Julian) and through two years of a zone's DST changes, hour by hour.
    @Test func agreesWithTheGregorianCalendar() {
        func expectAgreement(_ instant: Date, _ zone: TimeZone) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let expected = calendar.dateComponents([.year, .month, .day], from: instant)
            let date = LocalDate(instant, in: zone)
            let wanted: [Int?] = [expected.year, expected.month, expected.day]
            #expect([date.year, date.month, date.day] == wanted)
        }
        let epoch = LocalDate("1970-01-01")!
        for day in stride(from: -141_000, through: 1_000_000, by: 997) {
            let noon = Date(timeIntervalSince1970: Double(day) * 86_400 + 43_200)
            expectAgreement(noon, .gmt)
            #expect(epoch.days(until: LocalDate(noon, in: .gmt)) == day)
        }
        let losAngeles = Fixture.zone("America/Los_Angeles")
        for hour in stride(from: 0, to: 2 * 366 * 24, by: 5) {
            expectAgreement(Fixture.instant("2026-01-01T00:00:00Z").addingTimeInterval(Double(hour) * 3_600 + 1_800), losAngeles)
        }
    }

    @Test func instantAtATimeOfDay() {
        let paris = Fixture.zone("Europe/Paris")
        #expect(LocalDate("2026-01-15")!.instant(at: LocalTime("00:00")!, in: paris) == Fixture.instant("2026-01-14T23:00:00Z"))
        #expect(LocalDate("2026-07-15")!.instant(at: LocalTime("23:59")!, in: paris) == Fixture.instant("2026-07-15T21:59:00Z"))
    }
}

/// `HH:MM` times of day.
@Suite struct LocalTimeTests {
    @Test(arguments: [("00:00", 0, 0), ("09:05", 9, 5), ("14:00", 14, 0), ("23:59", 23, 59)])
    func parses(_ text: String, hour: Int, minute: Int) throws {
        let time = try #require(LocalTime(text))
        #expect(time.hour == hour)
        #expect(time.minute == minute)
        #expect(time.description == text)
    }

    @Test(arguments: ["24:00", "12:60", "9:00", "09:5", "0900", "09:00:00", "", ":", "ab:cd", "-1:00", "+9:00",
                      "09:+5", " 9:00", "09:00 ", "9h00"])
    func rejects(_ text: String) {
        #expect(LocalTime(text) == nil)
    }
}

/// `BK-2026-0001`: prefix, year in the organization's zone, sequence of at least four digits.
@Suite struct BookingNumberTests {
    @Test(arguments: [(1, "BK-2026-0001"), (42, "BK-2026-0042"), (999, "BK-2026-0999"), (9_999, "BK-2026-9999"),
                      (10_000, "BK-2026-10000"), (123_456, "BK-2026-123456")])
    func format(_ sequence: Int, expected: String) {
        #expect(BookingNumber.format(prefix: "BK", year: 2026, sequence: sequence) == expected)
    }

    @Test func prefixAndYearAreTheirs() {
        #expect(BookingNumber.format(prefix: "HDL", year: 2027, sequence: 7) == "HDL-2027-0007")
    }

    @Test func yearIsReadInTheZone() {
        let lateNewYearsEve = Fixture.instant("2026-12-31T23:30:00Z")
        #expect(BookingNumber.year(of: lateNewYearsEve, in: .gmt) == 2026)
        #expect(BookingNumber.year(of: lateNewYearsEve, in: Fixture.zone("Asia/Tokyo")) == 2027)
        let earlyNewYear = Fixture.instant("2027-01-01T05:00:00Z")
        #expect(BookingNumber.year(of: earlyNewYear, in: Fixture.zone("America/Los_Angeles")) == 2026)
        #expect(BookingNumber.year(of: earlyNewYear, in: Fixture.zone("Europe/Paris")) == 2027)
    }

    @Test func numbersAreToldApartFromIDs() {
        #expect(BookingNumber.looksLikeNumber("BK-2026-0001"))
        #expect(BookingNumber.looksLikeNumber("BK-2026-10000"))
        #expect(!BookingNumber.looksLikeNumber(Fixture.id(1).uuidString))
        #expect(!BookingNumber.looksLikeNumber(Fixture.id(1).uuidString.lowercased()))
        #expect(!BookingNumber.looksLikeNumber("BK2026"))
        #expect(!BookingNumber.looksLikeNumber("not-a-uuid"))
        #expect(!BookingNumber.looksLikeNumber("BK-26-0001"))
        #expect(!BookingNumber.looksLikeNumber("-2026-0001"))
        #expect(!BookingNumber.looksLikeNumber("BK-2026-"))
    }
}
