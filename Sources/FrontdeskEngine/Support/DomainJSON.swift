import Foundation

/// The one JSON encoding of domain values, for events and audit entries: snake_case keys (declared
/// on the types), ISO 8601 instants with milliseconds in UTC, sorted keys.
public enum DomainJSON {
    public static func encode(_ value: some Encodable) -> Data {
        // Domain values are plain structs of strings, numbers and dates: encoding cannot fail.
        (try? encoder.encode(value)) ?? Data("null".utf8)
    }

    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(InstantFormat.string(from: date))
        }
        return encoder
    }()
}

/// ISO 8601 instants as the API writes them (`2026-03-01T14:00:00.000Z`) and reads them (with or
/// without fractional seconds, any offset). Writing is plain integer arithmetic: a list of a
/// thousand resources writes four thousand instants, and Foundation's formatter is slow at that.
public enum InstantFormat {
    public static func string(from date: Date) -> String {
        let totalMillis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let (days, dayMillis) = totalMillis.quotientAndRemainder(dividingBy: 86_400_000)
        let (dayNumber, millisOfDay) = dayMillis < 0 ? (days - 1, dayMillis + 86_400_000) : (days, dayMillis)
        let (year, month, day) = civil(fromDays: dayNumber)
        let seconds = millisOfDay / 1000
        var text = ""
        text.reserveCapacity(24)
        func pad(_ value: Int64, _ width: Int) {
            let digits = String(value)
            text += String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        pad(year, 4); text += "-"; pad(month, 2); text += "-"; pad(day, 2); text += "T"
        pad(seconds / 3600, 2); text += ":"; pad(seconds / 60 % 60, 2); text += ":"; pad(seconds % 60, 2)
        text += "."; pad(millisOfDay % 1000, 3); text += "Z"
        return text
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
