import Foundation
import FrontdeskCore

/// The one JSON encoding of domain values, for events and audit entries: snake_case keys (declared
/// on the types), ISO 8601 instants with milliseconds in UTC; sorted keys for values that go
/// through `Encodable`.
public enum DomainJSON {
    /// Bookings and checkins, written by hand (see `JSONWriter`): they are encoded on every change.
    public static func encode(_ value: some JSONWritable) -> Data {
        value.json
    }

    public static func encode(_ value: some Encodable) -> Data {
        // Domain values are plain structs of strings, numbers and dates: encoding cannot fail.
        (try? encoder.encode(value)) ?? Data("null".utf8)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(InstantFormat.string(from: date))
        }
        return encoder
    }()
}
