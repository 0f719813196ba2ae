import Foundation

/// The steps of a visit. Each returns the next state with its version bumped, or throws with
/// nothing changed: checking in twice is `duplicate_checkin`, checking out a pending checkin
/// `not_checked_in`, checking out twice `already_checked_out` (409); a check-out before the
/// check-in is a 422 on the field that carried it.
extension Checkin {
    /// `field` names where the instant came from (`at` for the call, `check_in` for a PATCH).
    public func checkingIn(at instant: Date, now: Date, field: String = "at") throws(FrontdeskError) -> Checkin {
        try Self.checkStamp(instant, field, now: now)
        if let checkIn {
            throw .conflict(code: "duplicate_checkin",
                            detail: "Checkin \(id.text) was already checked in at \(InstantFormat.string(from: checkIn)).")
        }
        var next = touched(now)
        next.checkIn = instant.truncatedToMilliseconds
        return next
    }

    /// `field` names where the instant came from (`at` for the call, `check_out` for a PATCH).
    public func checkingOut(at instant: Date, now: Date, field: String = "at") throws(FrontdeskError) -> Checkin {
        try Self.checkStamp(instant, field, now: now)
        guard let checkIn else {
            throw .conflict(code: "not_checked_in",
                            detail: "Checkin \(id.text) is pending: check it in before checking it out.")
        }
        if let checkOut {
            throw .conflict(code: "already_checked_out",
                            detail: "Checkin \(id.text) was already checked out at \(InstantFormat.string(from: checkOut)).")
        }
        let at = instant.truncatedToMilliseconds
        guard at >= checkIn else {
            throw .validationFailed([FieldIssue(field, "must not be before check_in (\(InstantFormat.string(from: checkIn)))")])
        }
        var next = touched(now)
        next.checkOut = at
        return next
    }

    /// A stamp given by a client is a desk stamp: within `BookableYears`, not in the future.
    static func checkStamp(_ instant: Date, _ field: String, now: Date) throws(FrontdeskError) {
        var v = Validator()
        v.stamp(instant, field, now: now)
        try v.validate()
    }

    /// Undoes the last step: the check-out of a complete visit, else the check-in of one in progress.
    /// A pending checkin has nothing to undo (`nothing_to_revert`, 409).
    public func reverting(now: Date) throws(FrontdeskError) -> Checkin {
        var next = touched(now)
        switch state {
        case .pending:
            throw .conflict(code: "nothing_to_revert", detail: "Checkin \(id.text) is pending: there is no step to undo.")
        case .inProgress:
            next.checkIn = nil
        case .complete:
            next.checkOut = nil
        }
        return next
    }

    /// Applies a PATCH: the planned window (either end, the other kept), notes and metadata, then
    /// `check_in` and `check_out` exactly as the calls would.
    public func applying(_ patch: CheckinPatch, now: Date) throws(FrontdeskError) -> Checkin {
        try patch.validate()
        var next = touched(now)
        if patch.startsAt != nil || patch.endsAt != nil {
            let startsAt = patch.startsAt ?? planned?.start, endsAt = patch.endsAt ?? planned?.end
            var v = Validator()
            Self.checkPlanned(startsAt, endsAt, &v)
            try v.validate()
            next.planned = startsAt.flatMap { start in endsAt.map { TimeWindow(start: start, end: $0) } }
        }
        if let notes = patch.notes { next.notes = notes.isEmpty ? nil : notes }
        if let metadata = patch.metadata { next.metadata = metadata }
        if let checkIn = patch.checkIn { next = try next.checkingIn(at: checkIn, now: now, field: "check_in") }
        if let checkOut = patch.checkOut { next = try next.checkingOut(at: checkOut, now: now, field: "check_out") }
        next.version = version + 1
        return next
    }

    /// The outbox events of a change from `before` to `after` (nil: created, or deleted): a stamp
    /// set fires its trigger, a check-out both `checkout_started` and `checkout_completed`; any
    /// other change, an undone step included, is `checkin_updated`.
    public static func events(before: Checkin?, after: Checkin?) -> [EventType] {
        guard let after else { return [.checkinDeleted] }
        guard let before else {
            return [.checkinCreated] + stampEvents(before: nil, after: after)
        }
        let stamps = stampEvents(before: before, after: after)
        let edited = before.planned != after.planned || before.notes != after.notes || before.metadata != after.metadata
            || (before.checkIn != nil && after.checkIn == nil) || (before.checkOut != nil && after.checkOut == nil)
        return edited || stamps.isEmpty ? [.checkinUpdated] + stamps : stamps
    }

    private static func stampEvents(before: Checkin?, after: Checkin) -> [EventType] {
        var types: [EventType] = []
        if before?.checkIn == nil && after.checkIn != nil { types.append(.checkinStarted) }
        if before?.checkOut == nil && after.checkOut != nil { types += [.checkoutStarted, .checkoutCompleted] }
        return types
    }

    private func touched(_ now: Date) -> Checkin {
        var next = self
        next.version += 1
        next.updatedAt = now.truncatedToMilliseconds
        return next
    }
}
