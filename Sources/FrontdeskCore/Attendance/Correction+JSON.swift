import Foundation

/// The JSON shape of a correction, identical to the API's `Correction` schema, keys sorted: its
/// events and audit entries carry what a client reads. `value` is the proposed instant or type.
extension Correction: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            if let appliedAt { json.key("applied_at"); json.instant(appliedAt) }
            if let appliedBy { json.key("applied_by"); json.value(appliedBy) }
            if type == .addMissingAttendance, let checkIn { json.key("check_in"); json.instant(checkIn) }
            if type == .addMissingAttendance, let checkOut { json.key("check_out"); json.instant(checkOut) }
            if let checkinID { json.key("checkin_id"); json.uuid(checkinID) }
            json.key("created_at"); json.instant(createdAt)
            json.key("id"); json.uuid(id)
            if let memberID { json.key("member_id"); json.uuid(memberID) }
            json.key("priority"); json.string(priority.rawValue)
            json.key("reason"); json.string(reason)
            if let resourceID { json.key("resource_id"); json.uuid(resourceID) }
            if let reviewNote { json.key("review_note"); json.string(reviewNote) }
            if let reviewedAt { json.key("reviewed_at"); json.instant(reviewedAt) }
            if let reviewedBy { json.key("reviewed_by"); json.value(reviewedBy) }
            json.key("status"); json.string(status.rawValue)
            json.key("submitted_by"); json.value(submittedBy)
            json.key("type"); json.string(type.rawValue)
            json.key("updated_at"); json.instant(updatedAt)
            switch type {
            case .updateCheckInTime: if let checkIn { json.key("value"); json.instant(checkIn) }
            case .updateCheckOutTime: if let checkOut { json.key("value"); json.instant(checkOut) }
            case .overrideAttendanceType: if let attendanceType { json.key("value"); json.string(attendanceType.rawValue) }
            case .addMissingAttendance, .deleteDuplicate: break
            }
            json.key("version"); json.int(version)
        }
    }
}

extension Actor: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("id"); json.string(id)
            json.key("name"); json.string(name)
            json.key("type"); json.string(type)
        }
    }
}
