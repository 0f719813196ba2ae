import Foundation
import FrontdeskCore
import Testing

@Suite struct InstantFormatTests {
    /// The fast writer agrees with Foundation's ISO 8601 formatter across eras, leap days and
    /// the instants before 1970 (and falls back to it past the year 9999).
    @Test(arguments: [-86_400_001.0, -1.5, 0, 951_782_400.123, 1_709_164_800.999, 1_780_000_000.5, 4_102_444_800, 32_503_680_000.25, 253_402_300_800])
    func writesLikeFoundation(_ seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds).truncatedToMillisecondsForTest
        let expected = date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        #expect(InstantFormat.string(from: date) == expected)
        guard date < Date(timeIntervalSince1970: 253_402_300_800) else {
            // Past 9999 the year takes five digits, which RFC 3339 (and so the reader) does not.
            #expect(InstantFormat.date(from: expected) == nil)
            return
        }
        let parsed = try #require(InstantFormat.date(from: expected))
        #expect(abs(parsed.timeIntervalSince(date)) < 0.001)
    }

    @Test(arguments: [
        ("2030-03-01T14:00:00Z", 1_898_604_000.0),
        ("2030-03-01T14:00:00.250Z", 1_898_604_000.25),
        ("2030-03-01T14:00:00.1Z", 1_898_604_000.1),
        ("2030-03-01T14:00:00.123456789Z", 1_898_604_000.123),
        ("2030-03-01t14:00:00z", 1_898_604_000.0),
        ("2030-03-01T14:00Z", 1_898_604_000.0),
        ("2030-03-01T16:00:00+02:00", 1_898_604_000.0),
        ("2030-03-01T09:30:00-04:30", 1_898_604_000.0),
        ("2030-03-01T14:00:00-00:00", 1_898_604_000.0),
        ("2028-02-29T00:00:00Z", 1_835_395_200.0),
        ("2000-02-29T23:59:59Z", 951_868_799.0),
        ("1969-12-31T23:59:59.500Z", -0.5),
        ("0000-01-01T00:00:00Z", -62_167_219_200.0),
        ("9999-12-31T23:59:59.999Z", 253_402_300_799.999),
    ])
    func readsRFC3339(_ text: String, _ seconds: Double) throws {
        let date = try InstantFormat.parse(text)
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.0005, "\(text)")
    }

    /// Every field is checked against its range: nothing is carried into the next field.
    @Test(arguments: [
        ("2030-02-30T10:00Z", "has day 30, but February 2030 has 28 days"),
        ("2030-02-29T10:00:00Z", "has day 29, but February 2030 has 28 days"),
        ("2100-02-29T10:00:00Z", "has day 29, but February 2100 has 28 days"),
        ("2030-04-31T10:00:00Z", "has day 31, but April 2030 has 30 days"),
        ("2030-03-00T10:00:00Z", "has day 0, but March 2030 has 31 days"),
        ("2030-13-01T10:00:00Z", "has month 13: months run from 01 to 12"),
        ("2030-00-01T10:00:00Z", "has month 0: months run from 01 to 12"),
        ("2030-03-01T12:99Z", "has minute 99: minutes run from 00 to 59"),
        ("2030-03-01T24:00:00Z", "has hour 24: hours run from 00 to 23"),
        ("2030-03-01T10:00:60Z", "has second 60: seconds run from 00 to 59"),
        ("2030-03-01T10:00:00+24:00", "has an offset beyond ±23:59"),
        ("2030-03-01T10:00:00+05:60", "has an offset beyond ±23:59"),
    ])
    func refusesImpossibleFields(_ text: String, _ reason: String) {
        #expect(throws: TimeTextError(text: text, expected: InstantFormat.expected, reason: reason)) {
            try InstantFormat.parse(text)
        }
    }

    @Test(arguments: [
        "", "2030-03-01", "2030-03-01T", "2030-03-01T14", "2030-03-01T14:00", "2030-03-01T14:00:00",
        "2030-03-01 14:00:00Z", "2030-03-01T14:00:00.Z", "2030-03-01T14:00:00,5Z", "2030-03-01T14:00:00+0200",
        "2030-03-01T14:00:00+02", "2030-3-01T14:00:00Z", "30-03-01T14:00:00Z", "+2030-03-01T14:00:00Z",
        "12030-03-01T14:00:00Z", "2030-03-01T14:00:00ZZ", "2030-03-01T14:00:00Z ", " 2030-03-01T14:00:00Z",
        "2030-03-01T1:00:00Z", "2030-03-01T14:0:00Z", "2030-03-01T14:00:0Z", "2030-03-01T+1:00:00Z",
        "2030-03-01T14:00:00\u{0}Z", "２０３０-03-01T14:00:00Z", "2030-03-01T14:00:00 +02:00",
    ])
    func refusesWhatIsNotWrittenThatWay(_ text: String) {
        #expect(throws: TimeTextError(text: text, expected: InstantFormat.expected, reason: "is not written that way")) {
            try InstantFormat.parse(text)
        }
    }

    @Test func theProblemNamesTheFieldTheTextAndWhy() {
        let error = TimeTextError(text: "2030-02-30T10:00Z", expected: InstantFormat.expected,
                                  reason: "has day 30, but February 2030 has 28 days")
        #expect(error.problem("starts_at") == .malformedRequest(
            "starts_at must be an RFC 3339 date-time such as 2030-03-01T14:00:00Z: "
                + "\"2030-02-30T10:00Z\" has day 30, but February 2030 has 28 days."))
    }

    @Test func bookableYearsRunFrom1970To2199() throws {
        #expect(BookableYears.contains(try InstantFormat.parse("1970-01-01T00:00:00Z")))
        #expect(BookableYears.contains(try InstantFormat.parse("2199-12-31T23:59:59.999Z")))
        #expect(!BookableYears.contains(try InstantFormat.parse("2200-01-01T00:00:00Z")))
        #expect(!BookableYears.contains(try InstantFormat.parse("1969-12-31T23:59:59.999Z")))
        #expect(!BookableYears.contains(try InstantFormat.parse("0000-01-01T00:00:00Z")))
        #expect(BookableYears.contains(try LocalDate.parse("2199-12-31")))
        #expect(!BookableYears.contains(try LocalDate.parse("0000-01-01")))
        #expect(!BookableYears.contains(try LocalDate.parse("9999-12-31")))
    }
}

extension Date {
    var truncatedToMillisecondsForTest: Date {
        Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
