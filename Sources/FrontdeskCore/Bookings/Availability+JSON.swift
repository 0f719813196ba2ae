import Foundation

/// The JSON shape of an availability answer, identical to the API's `Availability` schema. Its two
/// lists are written apart (so that two cores can write them at once), then put together.
extension Availability {
    /// The answer, given its two lists as written by `writeAvailable` and `writeUnavailable`.
    public static func write(available: [UInt8], unavailable: [UInt8], to json: inout JSONWriter) {
        json.object { json in
            json.key("available"); json.raw(available)
            json.key("unavailable"); json.raw(unavailable)
        }
    }

    /// The `available` list.
    public func writeAvailable(to json: inout JSONWriter) {
        json.array(available) { json, open in
            json.object { json in
                Self.writeResourceAndWindow(open.entry, open.window, to: &json)
                json.key("remaining_capacity"); json.int(open.remainingCapacity)
                json.key("price"); json.int(open.price)
                json.key("currency"); json.string(currency)
            }
        }
    }

    /// The `unavailable` list.
    public func writeUnavailable(to json: inout JSONWriter) {
        json.array(unavailable) { json, closed in
            json.object { json in
                Self.writeResourceAndWindow(closed.entry, closed.window, to: &json)
                json.key("reason"); json.string(closed.reason.rawValue)
                json.key("booking_numbers"); json.array(closed.bookingNumbers) { json, number in json.string(number) }
            }
        }
    }

    private static func writeResourceAndWindow(_ entry: CatalogEntry, _ window: TimeWindow, to json: inout JSONWriter) {
        json.key("resource"); json.raw(entry.json)
        json.key("starts_at"); json.instant(window.start)
        json.key("ends_at"); json.instant(window.end)
    }
}
