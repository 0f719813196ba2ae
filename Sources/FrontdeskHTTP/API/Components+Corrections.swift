import FrontdeskAPI
import FrontdeskCore

extension Components.Schemas.Correction {
    init(_ correction: Correction) throws {
        func actor(_ actor: Actor) -> Components.Schemas.AuditActor {
            .init(_type: actor.type, id: actor.id, name: actor.name)
        }
        let adding = correction.type == .addMissingAttendance
        let value: String? = switch correction.type {
        case .updateCheckInTime: correction.checkIn.map(InstantFormat.string(from:))
        case .updateCheckOutTime: correction.checkOut.map(InstantFormat.string(from:))
        case .overrideAttendanceType: correction.attendanceType?.rawValue
        case .addMissingAttendance, .deleteDuplicate: nil
        }
        self.init(
            id: correction.id.text, _type: try .init(matching: correction.type), status: try .init(matching: correction.status),
            priority: try .init(matching: correction.priority), checkinId: correction.checkinID?.text,
            memberId: correction.memberID?.text, resourceId: correction.resourceID?.text,
            checkIn: adding ? correction.checkIn : nil, checkOut: adding ? correction.checkOut : nil, value: value,
            reason: correction.reason, submittedBy: actor(correction.submittedBy), reviewedBy: correction.reviewedBy.map(actor),
            reviewedAt: correction.reviewedAt, reviewNote: correction.reviewNote, appliedBy: correction.appliedBy.map(actor),
            appliedAt: correction.appliedAt, version: correction.version, createdAt: correction.createdAt,
            updatedAt: correction.updatedAt)
    }
}
