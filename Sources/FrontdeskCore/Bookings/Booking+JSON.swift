import Foundation

/// The JSON shape of a booking, identical to the API's `Booking` schema: events and audit entries
/// carry exactly what a client would read. Unset values are left out, as the API's answers
/// leave them out.
extension Booking: JSONWritable {
    public func write(to json: inout JSONWriter) {
        write(to: &json, line: nil)
    }

    /// The booking followed by `line` under the key `line`: the data of a line event
    /// (`booking_line_checked_in`, `booking_line_checked_out`).
    public func write(to json: inout JSONWriter, line: BookingLine?) {
        json.object { json in
            json.key("id"); json.uuid(id)
            json.key("number"); json.string(number)
            json.key("status"); json.string(status.rawValue)
            json.key("member_id"); json.uuid(memberID)
            json.key("lines"); json.array(lines) { json, line in line.write(to: &json) }
            json.key("source"); json.string(source.rawValue)
            if let notes { json.key("notes"); json.string(notes) }
            if let cancellationReason { json.key("cancellation_reason"); json.string(cancellationReason) }
            json.key("starts_at"); json.instant(window.start)
            json.key("ends_at"); json.instant(window.end)
            if let actualStartAt { json.key("actual_start_at"); json.instant(actualStartAt) }
            if let actualEndAt { json.key("actual_end_at"); json.instant(actualEndAt) }
            if let readyAt { json.key("ready_at"); json.instant(readyAt) }
            json.key("total_amount"); json.int(totalAmount)
            json.key("currency"); json.string(currency)
            json.key("version"); json.int(version)
            json.key("created_at"); json.instant(createdAt)
            json.key("updated_at"); json.instant(updatedAt)
            if let line { json.key("line"); line.write(to: &json) }
        }
    }
}

extension BookingLine: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("id"); json.uuid(id)
            json.key("resource_id"); json.uuid(resourceID)
            json.key("starts_at"); json.instant(window.start)
            json.key("ends_at"); json.instant(window.end)
            json.key("state"); json.string(state.rawValue)
            if let checkedInAt { json.key("checked_in_at"); json.instant(checkedInAt) }
            if let checkedOutAt { json.key("checked_out_at"); json.instant(checkedOutAt) }
            if overdue { json.key("overdue"); json.bool(true) }
            json.key("amount"); json.int(amount)
        }
    }
}
