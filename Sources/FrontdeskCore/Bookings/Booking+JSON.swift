import Foundation

/// The JSON shape of a booking, identical to the API's `Booking` schema: events and audit entries
/// carry exactly what a client would read, byte for byte: keys in sorted order, as the generated
/// answers write them (`buildApplication` sorts their keys). Unset values are left out, as the
/// API's answers leave them out.
extension Booking: JSONWritable {
    public func write(to json: inout JSONWriter) {
        write(to: &json, line: nil)
    }

    /// The booking followed by `line` under the key `line`: the data of a line event
    /// (`booking_line_checked_in`, `booking_line_checked_out`).
    public func write(to json: inout JSONWriter, line: BookingLine?) {
        json.object { json in
            if let actualEndAt { json.key("actual_end_at"); json.instant(actualEndAt) }
            if let actualStartAt { json.key("actual_start_at"); json.instant(actualStartAt) }
            json.key("allowed_actions"); json.array(allowedActions) { json, button in json.string(button.rawValue) }
            if let cancellationReason { json.key("cancellation_reason"); json.string(cancellationReason) }
            json.key("created_at"); json.instant(createdAt)
            json.key("currency"); json.string(currency)
            json.key("ends_at"); json.instant(window.end)
            json.key("id"); json.uuid(id)
            if let line { json.key("line"); line.write(to: &json) }
            json.key("lines"); json.array(lines) { json, line in line.write(to: &json) }
            json.key("location_id"); json.uuid(locationID)
            json.key("member_id"); json.uuid(memberID)
            if let memberName { json.key("member_name"); json.string(memberName) }
            if let notes { json.key("notes"); json.string(notes) }
            json.key("number"); json.string(number)
            if let readyAt { json.key("ready_at"); json.instant(readyAt) }
            json.key("source"); json.string(source.rawValue)
            json.key("starts_at"); json.instant(window.start)
            json.key("status"); json.string(status.rawValue)
            json.key("total_amount"); json.int(totalAmount)
            json.key("updated_at"); json.instant(updatedAt)
            json.key("version"); json.int(version)
        }
    }
}

extension BookingLine: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("amount"); json.int(amount)
            if let dates { json.key("check_in"); json.string(dates.checkIn.description) }
            if let dates { json.key("check_out"); json.string(dates.checkOut.description) }
            if let checkedInAt { json.key("checked_in_at"); json.instant(checkedInAt) }
            if let checkedOutAt { json.key("checked_out_at"); json.instant(checkedOutAt) }
            json.key("ends_at"); json.instant(window.end)
            json.key("id"); json.uuid(id)
            if overdue { json.key("overdue"); json.bool(true) }
            if let resourceCategory { json.key("resource_category"); json.string(resourceCategory) }
            json.key("resource_id"); json.uuid(resourceID)
            if let resourceName { json.key("resource_name"); json.string(resourceName) }
            json.key("starts_at"); json.instant(window.start)
            json.key("state"); json.string(state.rawValue)
        }
    }
}
