import Foundation
import FrontdeskCore

/// Attendance corrections: the desk submits (`correction:submit`), someone else approves or
/// rejects, and an approved one is applied to its visit (`correction:review`); reading them is
/// `attendance:read`. Each step writes the correction's audit entry and event; applying writes the
/// visit's change with them, as any change of the visit writes it (action `correction`).
extension Frontdesk {
    /// Why a person limited to some locations is refused the queue.
    private static let wholeQueue = "you see only some locations: the corrections queue is the whole organization's"

    public func submitCorrection(_ caller: Caller, _ request: CorrectionRequest) async throws -> Correction {
        try caller.require(.correctionSubmit)
        try request.validate(now: now)
        // Made once, outside the transaction that a group commit may run again.
        let (actor, organizationID, id, newID) = (caller.actor, caller.organizationID, newID(), self.newID)
        return try await store.submitCorrection(organizationID, request) { facts in
            let now = self.now  // in the transaction, as for checkins
            let correction = try Correction.submitting(
                request, id: id, organizationID: organizationID, visit: facts.visit, memberExists: facts.memberExists,
                resource: facts.resource, actor: actor, now: now)
            return Self.change(correction, before: nil, action: "submit", event: .correctionSubmitted, actor: actor,
                               at: now, newID: newID)
        }
    }

    public func approveCorrection(_ caller: Caller, _ id: UUID, note: String?) async throws -> Correction {
        try await review(caller, id, approve: true, note: note)
    }

    public func rejectCorrection(_ caller: Caller, _ id: UUID, note: String?) async throws -> Correction {
        try await review(caller, id, approve: false, note: note)
    }

    /// Writes an approved correction on its visit, checked again against the visit as it is now:
    /// one that no longer makes sense for it (changed or deleted since) is `correction_stale`.
    public func applyCorrection(_ caller: Caller, _ id: UUID) async throws -> Correction {
        try caller.require(.correctionReview)
        try caller.requireEveryLocation("location_id", Self.wholeQueue)
        let (actor, newID, hooks, visitID) = (caller.actor, self.newID, beforeHooks(caller), newID())
        let found = FoundTransitions()
        let correction = try await store.applyCorrection(caller.organizationID, id) { target in
            let now = self.now
            let correction = target.correction
            var applied = try correction.applying(by: actor, now: now)
            let reason = "correction \(correction.id.text) (\(correction.type.rawValue)): \(correction.reason)"
            let visit: CheckinWrite, deletes = correction.type == .deleteDuplicate
            do {
                if correction.type == .addMissingAttendance {
                    let added = try correction.missingVisit(id: visitID, resource: target.facts.resource,
                                                            memberExists: target.facts.memberExists, now: now)
                    let next = target.attendance?.classified(added) ?? added
                    let transitions = [Transition.checkIn(next), Transition.checkOut(next)]
                    try hooks.run(transitions)
                    found.set(transitions)
                    visit = CheckinWrite(checkin: Self.change(next, before: nil, action: "correction", actor: actor,
                                                              reason: reason, at: now, newID: newID))
                } else {
                    guard let current = target.visit else {
                        throw FrontdeskError.unprocessable(code: "visit_not_found", detail: "The visit was deleted.")
                    }
                    if deletes {
                        _ = try correction.applied(to: current, context: target.attendance, now: now)
                        visit = CheckinWrite(checkin: Self.change(current, before: current, deleted: true, action: "correction",
                                                                  actor: actor, reason: reason, at: now, newID: newID))
                    } else {
                        let next = try correction.applied(to: current, context: target.attendance, now: now)
                        visit = try Self.write(next, from: current, linked: nil, action: "correction", actor: actor,
                                               reason: reason, at: now, newID: newID, hooks: hooks, found: found)
                    }
                }
            } catch let error as FrontdeskError where error.code != "vetoed" {
                throw FrontdeskError.conflict(
                    code: "correction_stale",
                    detail: "Correction \(correction.id.text) no longer applies to the visit as it is now: \(error.detail)")
            }
            applied.checkinID = visit.checkin.checkin.id
            return AppliedCorrection(
                correction: Self.change(applied, before: correction, action: "apply", event: .correctionApplied,
                                        actor: actor, at: now, newID: newID),
                visit: visit, deletesVisit: deletes)
        }
        try await runAfter(found.all, caller)
        return correction
    }

    public func correction(_ caller: Caller, _ id: UUID) async throws -> Correction {
        try caller.require(.attendanceRead)
        try caller.requireEveryLocation("location_id", Self.wholeQueue)
        guard let correction = try await store.correction(caller.organizationID, id) else {
            throw FrontdeskError.notFound(entity: "correction", id: id.text)
        }
        return correction
    }

    public func corrections(_ caller: Caller, filter: CorrectionFilter, page: PageRequest) async throws -> Page<Correction> {
        try caller.require(.attendanceRead)
        try caller.requireEveryLocation("location_id", Self.wholeQueue)
        return try await store.corrections(caller.organizationID, filter: filter, page: page)
    }

    private func review(_ caller: Caller, _ id: UUID, approve: Bool, note: String?) async throws -> Correction {
        try caller.require(.correctionReview)
        try caller.requireEveryLocation("location_id", Self.wholeQueue)
        var v = Validator()
        v.text(note, "note", max: 1_000, multiline: true)
        try v.validate()
        let (actor, newID) = (caller.actor, self.newID)
        return try await store.reviewCorrection(caller.organizationID, id) { current in
            let now = self.now
            let next = try current.reviewing(approve: approve, by: actor, note: note, now: now)
            return Self.change(next, before: current, action: approve ? "approve" : "reject",
                               event: approve ? .correctionApproved : .correctionRejected, actor: actor, at: now, newID: newID)
        }
    }

    /// A correction's write: its audit entry and its event, both carrying its JSON. The entry's
    /// reason is the submitter's, or the reviewer's note.
    private static func change(
        _ correction: Correction, before: Correction?, action: String, event: EventType, actor: Actor, at: Date,
        newID: @Sendable () -> UUID
    ) -> CorrectionChange {
        let data = DomainJSON.encode(correction)
        let reason = switch event {
        case .correctionSubmitted: correction.reason
        case .correctionApproved, .correctionRejected: correction.reviewNote
        default: String?.none
        }
        let kept = AuditEntry.changes(before: before.map(DomainJSON.encode), after: data)
        return CorrectionChange(
            correction: correction, previous: before,
            audit: AuditEntry(id: newID(), organizationID: correction.organizationID, entityType: "correction",
                              entityID: correction.id, action: action, actor: actor, before: kept.before, after: kept.after,
                              reason: reason, createdAt: at),
            event: EventDraft(id: newID(), type: event, entityType: "correction", entityID: correction.id, data: data,
                              createdAt: at))
    }
}
