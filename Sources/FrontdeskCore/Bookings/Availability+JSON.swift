import Foundation

/// The JSON shape of an availability answer, identical to the API's `Availability` schema. Its two
/// lists are written apart (so that two cores can write them at once), then sent between the
/// pieces of `frame` without being copied together first.
extension Availability {
    /// What goes before, between and after the two lists, as written by `writeAvailable` and
    /// `writeUnavailable`: `{"available":[…],"unavailable":[…]}`.
    public static let frame: (open: StaticString, between: StaticString, close: StaticString) =
        ("{\"available\":", ",\"unavailable\":", "}")

    /// The `available` list; keys in sorted order, as every answer.
    public func writeAvailable(to json: inout JSONWriter) {
        json.array(available) { json, open in
            json.object { json in
                json.key("currency"); json.string(currency)
                json.key("ends_at"); json.instant(open.window.end)
                json.key("price"); json.int(open.price)
                json.key("remaining_capacity"); json.int(open.remainingCapacity)
                json.key("resource"); json.raw(open.entry.json)
                json.key("starts_at"); json.instant(open.window.start)
            }
        }
    }

    /// The `unavailable` list.
    public func writeUnavailable(to json: inout JSONWriter) {
        json.array(unavailable) { json, closed in
            json.object { json in
                json.key("booking_numbers"); json.array(closed.bookingNumbers) { json, number in json.string(number) }
                json.key("ends_at"); json.instant(closed.window.end)
                json.key("reason"); json.string(closed.reason.rawValue)
                json.key("resource"); json.raw(closed.entry.json)
                json.key("starts_at"); json.instant(closed.window.start)
            }
        }
    }
}
