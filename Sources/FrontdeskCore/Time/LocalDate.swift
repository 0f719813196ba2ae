import Foundation

/// A calendar date (`YYYY-MM-DD`) with no time zone, such as a hotel's check-in day.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(_ text: String) {
        guard let date = try? Self.parse(text) else { return nil }
        self = date
    }

    /// What the API reads as a date, for messages.
    public static let expected = "a date YYYY-MM-DD such as 2030-03-01"

    /// Reads `YYYY-MM-DD` strictly: four, two and two ASCII digits, the month 01 to 12, the day
    /// one its month has that year (`2030-02-30` is refused, not moved to March).
    public static func parse(_ text: String) throws(TimeTextError) -> LocalDate {
        var reader = TimeTextReader(text, expected: expected)
        let (year, month, day) = try reader.date()
        try reader.end()
        return LocalDate(year: Int(year), month: Int(month), day: Int(day))
    }

    private init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// `YYYY-MM-DD`, written digit by digit: a visit's day is written on every scan, and
    /// `String(format:)` goes through Foundation's formatter.
    public var description: String {
        var text = [UInt8](repeating: UInt8(ascii: "-"), count: 10)
        func digits(_ value: Int, ending end: Int, width: Int) {
            var rest = value
            for index in (end - width..<end).reversed() {
                text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
        digits(year, ending: 4, width: 4)
        digits(month, ending: 7, width: 2)
        digits(day, ending: 10, width: 2)
        return String(decoding: text, as: UTF8.self)
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

    /// The date `days` later (earlier, when negative).
    public func adding(days: Int) -> LocalDate { LocalDate(daysSince1970: daysSince1970 + days) }

    /// The day of the week, 0 for Monday to 6 for Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { (daysSince1970 + 3).modulo(7) }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (`InstantFormat.days(fromCivil:)`).
    private var daysSince1970: Int {
        Int(InstantFormat.days(fromCivil: Int64(year), Int64(month), Int64(day)))
    }

    private init(daysSince1970: Int) {
        let (year, month, day) = InstantFormat.civil(fromDays: Int64(daysSince1970))
        (self.year, self.month, self.day) = (Int(year), Int(month), Int(day))
    }
}

extension Int {
    /// The remainder of the division by `divisor`, never negative.
    public func modulo(_ divisor: Int) -> Int { ((self % divisor) + divisor) % divisor }
}
