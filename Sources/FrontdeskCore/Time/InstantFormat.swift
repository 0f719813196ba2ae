import Foundation

/// Instants as the API writes them (`2026-03-01T14:00:00.000Z`) and reads them: RFC 3339
/// date-times, strictly (see `parse`). Writing is plain integer arithmetic: a list of a thousand
/// resources writes four thousand instants, and Foundation's formatter is slow at that.
public enum InstantFormat {
    public static func string(from date: Date) -> String {
        let text = String(unsafeUninitializedCapacity: maxLength) { write(date, into: $0) ?? 0 }
        return text.isEmpty ? date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)) : text
    }

    /// The length of an instant written by `write`, in bytes.
    public static let maxLength = 24

    /// Writes the instant at the start of `text` (at least `maxLength` bytes) and returns the bytes
    /// written; nil outside the years 0 to 9999, which only Foundation's formatter writes.
    public static func write(_ date: Date, into text: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let totalMillis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let (days, dayMillis) = totalMillis.quotientAndRemainder(dividingBy: 86_400_000)
        let (dayNumber, millisOfDay) = dayMillis < 0 ? (days - 1, dayMillis + 86_400_000) : (days, dayMillis)
        let (year, month, day) = civil(fromDays: dayNumber)
        guard (0...9999).contains(year) else { return nil }
        let seconds = millisOfDay / 1000
        var end = 0
        func put(_ value: Int64, width: Int, then: UInt8) {
            var value = value
            for position in stride(from: end + width - 1, through: end, by: -1) {
                text[position] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            text[end + width] = then
            end += width + 1
        }
        put(year, width: 4, then: UInt8(ascii: "-"))
        put(month, width: 2, then: UInt8(ascii: "-"))
        put(day, width: 2, then: UInt8(ascii: "T"))
        put(seconds / 3600, width: 2, then: UInt8(ascii: ":"))
        put(seconds / 60 % 60, width: 2, then: UInt8(ascii: ":"))
        put(seconds % 60, width: 2, then: UInt8(ascii: "."))
        put(millisOfDay % 1000, width: 3, then: UInt8(ascii: "Z"))
        return end
    }

    public static func date(from text: String) -> Date? {
        try? parse(text)
    }

    /// What the API reads as an instant, for messages.
    public static let expected = "an RFC 3339 date-time such as 2030-03-01T14:00:00Z"

    /// Reads an RFC 3339 date-time, `YYYY-MM-DDTHH:MM[:SS[.fraction]]` then `Z` or `±HH:MM` (`T`
    /// and `Z` in either case; the seconds may be left out, as clients have always sent them;
    /// digits past the milliseconds are dropped). Every field is checked against its range, the
    /// day against its month and year: `2030-02-30`, `12:99`, `24:00` and a leap second `:60` are
    /// refused, not carried into the next field (Foundation's ISO 8601 reader does that).
    public static func parse(_ text: String) throws(TimeTextError) -> Date {
        var reader = TimeTextReader(text, expected: expected)
        let (year, month, day) = try reader.date()
        try reader.expect("T", "t")
        let hour = try reader.number(digits: 2)
        try reader.expect(":")
        let minute = try reader.number(digits: 2)
        var second: Int64 = 0, millis: Int64 = 0
        if reader.next(":") {
            second = try reader.number(digits: 2)
            if reader.next(".") { millis = try reader.fraction() }
        }
        var offset: Int64 = 0
        if !reader.next("Z", "z") {
            let sign: Int64 = reader.next("+") ? 1 : (reader.next("-") ? -1 : 0)
            guard sign != 0 else { throw reader.malformed }
            let hours = try reader.number(digits: 2)
            try reader.expect(":")
            let minutes = try reader.number(digits: 2)
            guard hours <= 23, minutes <= 59 else { throw reader.invalid("has an offset beyond ±23:59") }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        try reader.end()
        guard hour <= 23 else { throw reader.invalid("has hour \(hour): hours run from 00 to 23") }
        guard minute <= 59 else { throw reader.invalid("has minute \(minute): minutes run from 00 to 59") }
        guard second <= 59 else { throw reader.invalid("has second \(second): seconds run from 00 to 59") }
        let seconds = days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + Double(millis) / 1000)
    }

    /// Days since 1970-01-01 of a date of the proleptic Gregorian calendar: the calendar's
    /// 400-year cycles ("eras") of 146,097 days, each year counted from March so that a leap day
    /// ends it (H. Hinnant's `days_from_civil`; `civil(fromDays:)` is the way back).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The days of `month` in `year` of the Gregorian calendar.
    static func days(inMonth month: Int64, of year: Int64) -> Int64 {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Year, month and day of the proleptic Gregorian calendar for days since 1970-01-01
    /// (H. Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
