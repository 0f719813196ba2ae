import Foundation
import FrontdeskCore

/// What the live streams read and write: an event as one line of JSON (the `Event` schema, as
/// `/api/v1/events` returns it, written by `JSONWriter`) and the `types` filter of their query.
enum EventWire {
    static func json(_ event: Event) -> String {
        String(decoding: event.json, as: UTF8.self)
    }

    /// The `types` query values, each a type or several separated by commas; none keeps all types.
    static func types(_ values: [String]) throws -> Set<EventType> {
        let names = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        return try Set(names.map { name in
            guard let type = EventType(rawValue: name) else { throw FrontdeskError.malformedRequest("Unknown event type \(name).") }
            return type
        })
    }
}
