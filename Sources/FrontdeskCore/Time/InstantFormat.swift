import Foundation

/// ISO 8601 instants as the API writes them (`2026-03-01T14:00:00.000Z`) and reads them (with or
/// without fractional seconds, any offset). Writing is plain integer arithmetic: a list of a
/// thousand resources writes four thousand instants, and Foundation's formatter is slow at that.
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
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
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
