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
/// without fractional seconds, any offset).
public enum InstantFormat {
    public static func string(from date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    public static func date(from text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
