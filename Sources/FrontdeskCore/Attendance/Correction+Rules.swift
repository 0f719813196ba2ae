import Foundation

/// What a correction may do, and when. Submitting checks the proposed value against the visit as
/// it is then; applying checks it again against the visit as it is by then, since the visit may
/// have changed while the correction waited for its review.
extension Correction {
    /// A new pending correction of `request`, checked against what the store read in its
    /// transaction: the visit named (nil: none, or deleted), or for a visit to add whether its
    /// member is live and its resource.
    public static func submitting(
        _ request: CorrectionRequest, id: UUID, organizationID: UUID, visit: Checkin?, memberExists: Bool,
        resource: Resource?, actor: Actor, now: Date
    ) throws(FrontdeskError) -> Correction {
        try request.validate(now: now)
        var correction = Correction(
            id: id, organizationID: organizationID, type: request.type, priority: request.priority,
            checkinID: request.checkinID, memberID: request.memberID, resourceID: request.resourceID,
            checkIn: request.checkIn, checkOut: request.checkOut, reason: request.reason, submittedBy: actor,
            createdAt: now)
        switch request.value {
        case .instant(let at) where request.type == .updateCheckInTime: correction.checkIn = at.truncatedToMilliseconds
        case .instant(let at): correction.checkOut = at.truncatedToMilliseconds
        case .attendanceType(let type): correction.attendanceType = type
        case nil: break
        }
        if request.type == .addMissingAttendance {
            var v = Validator()
            v.check(memberExists, "member_id", "no such member")
            v.check(resource != nil, "resource_id", "no such resource")
            try v.validate()
            return correction
        }
        guard let visit else {
            throw .unprocessable(code: "visit_not_found",
                                 detail: "No visit with id \(request.checkinID?.text ?? ""): it does not exist or was deleted.")
        }
        correction.memberID = visit.memberID
        _ = try correction.correcting(visit, now: now)
        return correction
    }

    /// Approves or rejects a pending correction, with the reviewer's note. The reviewer may not be
    /// its submitter: a correction is a second pair of eyes on attendance.
    public func reviewing(
        approve: Bool, by actor: Actor, note: String?, now: Date
    ) throws(FrontdeskError) -> Correction {
        var v = Validator()
        v.text(note, "note", max: 1_000, multiline: true)
        try v.validate()
        guard status == .pending else {
            throw .conflict(code: "correction_not_pending",
                            detail: "Correction \(id.text) is \(status.rawValue): only a pending correction is reviewed.")
        }
        guard actor.type != submittedBy.type || actor.id != submittedBy.id else {
            throw .conflict(code: "self_review",
                            detail: "Correction \(id.text) was submitted by \(actor.name): someone else reviews it.")
        }
        var next = touched(now)
        next.status = approve ? .approved : .rejected
        next.reviewedBy = actor
        next.reviewedAt = now.truncatedToMilliseconds
        next.reviewNote = note.flatMap { $0.isEmpty ? nil : $0 }
        return next
    }

    /// Marks an approved correction applied; the caller names the visit it created or changed.
    public func applying(by actor: Actor, now: Date) throws(FrontdeskError) -> Correction {
        guard status == .approved else {
            throw .conflict(code: "correction_not_approved",
                            detail: "Correction \(id.text) is \(status.rawValue): only an approved correction is applied.")
        }
        var next = touched(now)
        next.status = .applied
        next.appliedBy = actor
        next.appliedAt = now.truncatedToMilliseconds
        return next
    }

    /// The visit as this correction leaves it, classified by `context`: its stamp moved, or its
    /// type overridden. A correction classifies the visit anew, so an earlier override lasts until
    /// another correction; this one's override is kept by the visit's later steps
    /// (`AttendanceContext.classified`). Throws, with nothing changed, when the correction makes
    /// no sense for the visit as it is (`correcting`).
    public func applied(to visit: Checkin, context: AttendanceContext?, now: Date) throws(FrontdeskError) -> Checkin {
        var next = try correcting(visit, now: now)
        let autoCheckedOut = type != .updateCheckOutTime && visit.attendance?.autoCheckedOut == true
        next.attendance = nil
        next = context?.classified(next, autoCheckedOut: autoCheckedOut) ?? next
        if let attendanceType {
            guard next.attendance != nil else {
                throw .conflict(code: "visit_not_finished",
                                detail: "Checkin \(visit.id.text) has no attendance to override: it is not finished.")
            }
            next.attendance?.type = attendanceType
            next.attendance?.overridden = true
        }
        return next
    }

    /// The visit `add_missing_attendance` creates, complete, registered as a walk-in would be at
    /// `resource` (nil: gone since), for its member (`memberExists`: still live).
    public func missingVisit(id: UUID, resource: Resource?, memberExists: Bool, now: Date) throws(FrontdeskError) -> Checkin {
        guard let memberID, let checkIn, let checkOut, let resourceID else {
            throw .conflict(code: "correction_stale", detail: "Correction \(self.id.text) adds no visit.")
        }
        var visit = try Checkin.registering(
            CheckinRequest(resourceID: resourceID, memberID: memberID, checkIn: .at(checkIn)), id: id,
            organizationID: organizationID, resource: resource, memberExists: memberExists, booking: nil, now: now)
        visit.checkOut = checkOut
        return visit
    }

    /// The visit with this correction's stamp or override checked against its own: a check-in
    /// before its check-out, a check-out after its check-in, an override of a finished visit; a
    /// booking's visit is the booking's to change, and a visit without member has no attendance.
    func correcting(_ visit: Checkin, now: Date) throws(FrontdeskError) -> Checkin {
        if let bookingID = visit.bookingID {
            throw .conflict(code: "booking_visit",
                            detail: "Checkin \(visit.id.text) is a visit of booking \(bookingID.text): change it through the booking.")
        }
        guard visit.memberID != nil else {
            throw .conflict(code: "visit_without_member",
                            detail: "Checkin \(visit.id.text) has no member: it has no attendance to correct.")
        }
        var next = visit
        next.version += 1
        next.updatedAt = now.truncatedToMilliseconds
        switch type {
        case .updateCheckInTime, .updateCheckOutTime:
            guard let current = visit.checkIn else {
                throw .conflict(code: "not_checked_in", detail: "Checkin \(visit.id.text) is pending: it has no times to correct.")
            }
            if type == .updateCheckInTime, let checkIn {
                if let checkOut = visit.checkOut, checkIn >= checkOut {
                    throw .validationFailed([FieldIssue("value", "must be before the visit's check_out (\(InstantFormat.string(from: checkOut)))")])
                }
                next.checkIn = checkIn
            } else if let checkOut {
                guard checkOut > current else {
                    throw .validationFailed([FieldIssue("value", "must be after the visit's check_in (\(InstantFormat.string(from: current)))")])
                }
                next.checkOut = checkOut
            }
        case .overrideAttendanceType:
            guard visit.checkOut != nil else {
                throw .conflict(code: "visit_not_finished",
                                detail: "Checkin \(visit.id.text) is not checked out: its attendance is computed once it is.")
            }
        case .deleteDuplicate, .addMissingAttendance:
            break
        }
        return next
    }

    private func touched(_ now: Date) -> Correction {
        var next = self
        next.version += 1
        next.updatedAt = now.truncatedToMilliseconds
        return next
    }
}
