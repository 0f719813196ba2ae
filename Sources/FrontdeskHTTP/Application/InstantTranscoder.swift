import Foundation
import FrontdeskCore
import OpenAPIRuntime

/// Instants on the wire: written with milliseconds, read as strict RFC 3339 date-times
/// (`InstantFormat.parse`). A text that is not one throws a `DecodingError` carrying the
/// `TimeTextError`, which `JSONBodyMiddleware` turns into a 400 naming the field.
struct InstantTranscoder: DateTranscoder {
    func encode(_ date: Date) throws -> String { InstantFormat.string(from: date) }

    func decode(_ text: String) throws -> Date {
        do {
            return try InstantFormat.parse(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: error.description, underlyingError: error))
        }
    }
}
