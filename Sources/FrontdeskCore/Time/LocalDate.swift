import Foundation

/// A calendar date (`YYYY-MM-DD`) with no time zone, such as a hotel's check-in day.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy(\.isDigits),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...Self.days(inMonth: m, of: y)).contains(d)
        else { return nil }
        (year, month, day) = (y, m, d)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The instant at `time` on this date in `timeZone` (DST-safe: a time skipped by a
    /// spring-forward change resolves to the next valid instant).
    public func instant(at time: LocalTime, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: year, month: month, day: day, hour: time.hour, minute: time.minute)
        return calendar.date(from: components)!.truncatedToMilliseconds
    }

    /// The date of `instant` as seen in `timeZone`: the zone's offset at that instant, then the
    /// Gregorian calendar's arithmetic (a `Calendar` costs several times more, on every booking).
    public init(_ instant: Date, in timeZone: TimeZone) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        let (days, rest) = seconds.quotientAndRemainder(dividingBy: 86_400)
        self.init(daysSince1970: rest < 0 ? days - 1 : days)
    }

    /// Whole calendar days from `self` to `other`.
    public func days(until other: LocalDate) -> Int {
        other.daysSince1970 - daysSince1970
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar: the calendar's 400-year cycles
    /// ("eras") of 146,097 days, each year counted from March so that a leap day ends it (Howard
    /// Hinnant's `days_from_civil`; `InstantFormat.civil(fromDays:)` is the way back).
    private var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private init(daysSince1970: Int) {
        let (year, month, day) = InstantFormat.civil(fromDays: Int64(daysSince1970))
        (self.year, self.month, self.day) = (Int(year), Int(month), Int(day))
    }

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
