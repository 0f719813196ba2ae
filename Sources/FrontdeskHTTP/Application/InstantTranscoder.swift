import Foundation
import FrontdeskCore
import OpenAPIRuntime

/// Instants on the wire: written with milliseconds, read with or without fractional seconds.
struct InstantTranscoder: DateTranscoder {
    func encode(_ date: Date) throws -> String { InstantFormat.string(from: date) }

    func decode(_ text: String) throws -> Date {
        guard let date = InstantFormat.date(from: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(text) is not an ISO 8601 instant"))
        }
        return date
    }
}
