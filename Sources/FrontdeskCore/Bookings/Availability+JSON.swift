import Foundation

/// The JSON shape of an availability answer, identical to the API's `Availability` schema. Its two
/// lists are written apart (so that two cores can write them at once), then sent between the
/// pieces of `frame` without being copied together first.
extension Availability {
    /// What goes before, between and after the two lists, as written by `writeAvailable` and
    /// `writeUnavailable`: `{"available":[…],"unavailable":[…]}`.
    public static let frame: (open: StaticString, between: StaticString, close: StaticString) =
        ("{\"available\":", ",\"unavailable\":", "}")

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
