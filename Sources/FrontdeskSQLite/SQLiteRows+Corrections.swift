import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension Correction {
    init(row: Row) throws {
        func actor(_ prefix: String) -> Actor? {
            (row["\(prefix)_type"] as String?).map { Actor(type: $0, id: row["\(prefix)_id"], name: row["\(prefix)_name"]) }
        }
        self.init(
            id: row.uuid("id"), organizationID: row.uuid("organization_id"), type: try row.enumeration("type"),
            status: try row.enumeration("status"), priority: try row.enumeration("priority"),
            checkinID: row.optionalUUID("checkin_id"), memberID: row.optionalUUID("member_id"),
            resourceID: row.optionalUUID("resource_id"), checkIn: row.optionalDate("check_in"),
            checkOut: row.optionalDate("check_out"),
            attendanceType: try (row["attendance_type"] as String?).map { try AttendanceType(stored: $0, column: "attendance_type") },
            reason: row["reason"],
            submittedBy: Actor(type: row["submitted_by_type"], id: row["submitted_by_id"], name: row["submitted_by_name"]),
            reviewedBy: actor("reviewed_by"), reviewedAt: row.optionalDate("reviewed_at"), reviewNote: row["review_note"],
            appliedBy: actor("applied_by"), appliedAt: row.optionalDate("applied_at"), version: row["version"],
            createdAt: row.date("created_at"), updatedAt: row.date("updated_at"))
    }

    var columns: Columns {
        ["id": id.text, "organization_id": organizationID.text, "type": type.rawValue, "status": status.rawValue,
         "priority": priority.rawValue, "checkin_id": checkinID?.text, "member_id": memberID?.text,
         "resource_id": resourceID?.text, "check_in": checkIn?.millis, "check_out": checkOut?.millis,
         "attendance_type": attendanceType?.rawValue, "reason": reason, "submitted_by_type": submittedBy.type,
         "submitted_by_id": submittedBy.id, "submitted_by_name": submittedBy.name, "reviewed_by_type": reviewedBy?.type,
         "reviewed_by_id": reviewedBy?.id, "reviewed_by_name": reviewedBy?.name, "reviewed_at": reviewedAt?.millis,
         "review_note": reviewNote, "applied_by_type": appliedBy?.type, "applied_by_id": appliedBy?.id,
         "applied_by_name": appliedBy?.name, "applied_at": appliedAt?.millis, "version": version,
         "created_at": createdAt.millis, "updated_at": updatedAt.millis]
    }
}
