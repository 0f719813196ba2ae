import Foundation

/// The JSON shape of a checkin, identical to the API's `Checkin` schema: events and audit entries
/// carry exactly what a client would read, and in the same key order (sorted, as every answer).
/// Unset values are left out.
extension Checkin: JSONWritable {
    public func write(to json: inout JSONWriter) {
        write(to: &json, memberStats: nil)
    }

    /// The checkin with its member's statistics, as a check-in or a scan answers it (the API's
    /// `member_stats`, an `ArrivalStats`).
    public func write(to json: inout JSONWriter, memberStats: MemberStats?) {
        json.object { json in
            if let attendance { json.key("attendance"); json.value(attendance) }
            if let bookingID { json.key("booking_id"); json.uuid(bookingID) }
            if let bookingLineID { json.key("booking_line_id"); json.uuid(bookingLineID) }
            if let checkIn { json.key("check_in"); json.instant(checkIn) }
            if let checkOut { json.key("check_out"); json.instant(checkOut) }
            json.key("created_at"); json.instant(createdAt)
            if let device { json.key("device"); json.string(device) }
            if let planned { json.key("ends_at"); json.instant(planned.end) }
            if let geo { json.key("geo"); json.value(geo) }
            json.key("id"); json.uuid(id)
            json.key("location_id"); json.uuid(locationID)
            if let memberID { json.key("member_id"); json.uuid(memberID) }
            if let memberStats {
                json.key("member_stats")
                json.object { json in
                    json.key("current_streak"); json.int(memberStats.currentStreak)
                    json.key("longest_streak"); json.int(memberStats.longestStreak)
                    json.key("total_visits"); json.int(memberStats.totalVisits)
                    json.key("visits_this_month"); json.int(memberStats.visitsThisMonth)
                }
            }
            json.key("metadata"); JSONValue.object(metadata).write(to: &json)
            if let method { json.key("method"); json.string(method.rawValue) }
            if let notes { json.key("notes"); json.string(notes) }
            json.key("resource_id"); json.uuid(resourceID)
            if let planned { json.key("starts_at"); json.instant(planned.start) }
            json.key("state"); json.string(state.rawValue)
            json.key("updated_at"); json.instant(updatedAt)
            json.key("version"); json.int(version)
        }
    }
}
