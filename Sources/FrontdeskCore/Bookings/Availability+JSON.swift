import Foundation

/// The JSON shape of an availability answer, identical to the API's `Availability` schema.
extension Availability: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("available")
            json.array(available) { json, open in
                json.object { json in
                    json.key("resource"); open.resource.write(to: &json)
                    json.key("starts_at"); json.instant(open.window.start)
                    json.key("ends_at"); json.instant(open.window.end)
                    json.key("remaining_capacity"); json.int(open.remainingCapacity)
                    json.key("price"); json.int(open.price)
                    json.key("currency"); json.string(currency)
                }
            }
            json.key("unavailable")
            json.array(unavailable) { json, closed in
                json.object { json in
                    json.key("resource"); closed.resource.write(to: &json)
                    json.key("starts_at"); json.instant(closed.window.start)
                    json.key("ends_at"); json.instant(closed.window.end)
                    json.key("reason"); json.string(closed.reason.rawValue)
                    json.key("booking_numbers"); json.array(closed.bookingNumbers) { json, number in json.string(number) }
                }
            }
        }
    }
}
