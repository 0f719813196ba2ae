import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

extension Correction {
    init(row: PostgresRandomAccessRow) throws {
        func actor(_ prefix: String) throws -> Actor? {
            try row.value("\(prefix)_type", as: String?.self).map { type in
                Actor(type: type, id: try row.value("\(prefix)_id"), name: try row.value("\(prefix)_name"))
            }
        }
        self.init(
            id: try row.value("id"), organizationID: try row.value("organization_id"), type: try row.enum("type"),
            status: try row.enum("status"), priority: try row.enum("priority"), checkinID: try row.value("checkin_id"),
            memberID: try row.value("member_id"), resourceID: try row.value("resource_id"),
            checkIn: try row.optionalDate("check_in"), checkOut: try row.optionalDate("check_out"),
            attendanceType: try row.optionalEnum("attendance_type"), reason: try row.value("reason"),
            submittedBy: Actor(type: try row.value("submitted_by_type"), id: try row.value("submitted_by_id"),
                               name: try row.value("submitted_by_name")), reviewedBy: try actor("reviewed_by"),
            reviewedAt: try row.optionalDate("reviewed_at"), reviewNote: try row.value("review_note"),
            appliedBy: try actor("applied_by"), appliedAt: try row.optionalDate("applied_at"),
            version: try row.value("version"), createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    var fields: Fields {
        [("id", "\(id)"), ("organization_id", "\(organizationID)"), ("type", "\(type.rawValue)"),
         ("status", "\(status.rawValue)"), ("priority", "\(priority.rawValue)"), ("checkin_id", "\(checkinID)"),
         ("member_id", "\(memberID)"), ("resource_id", "\(resourceID)"), ("check_in", "\(checkIn)"),
         ("check_out", "\(checkOut)"), ("attendance_type", "\(attendanceType?.rawValue)"), ("reason", "\(reason)"),
         ("submitted_by_type", "\(submittedBy.type)"), ("submitted_by_id", "\(submittedBy.id)"),
         ("submitted_by_name", "\(submittedBy.name)"), ("reviewed_by_type", "\(reviewedBy?.type)"),
         ("reviewed_by_id", "\(reviewedBy?.id)"), ("reviewed_by_name", "\(reviewedBy?.name)"),
         ("reviewed_at", "\(reviewedAt)"), ("review_note", "\(reviewNote)"), ("applied_by_type", "\(appliedBy?.type)"),
         ("applied_by_id", "\(appliedBy?.id)"), ("applied_by_name", "\(appliedBy?.name)"),
         ("applied_at", "\(appliedAt)"), ("version", "\(version)"), ("created_at", "\(createdAt)"),
         ("updated_at", "\(updatedAt)")]
    }
}
