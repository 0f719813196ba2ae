import Foundation
import FrontdeskCore

/// Presence: checkins registered, checked in and out, corrected, listed and deleted. Permissions
/// are the booking ones: reading is `booking:read`, registering and checking in `booking:checkin`,
/// checking out `booking:checkout`, editing and reverting `booking:update`, deleting
/// `booking:delete`, the audit trail `audit:read`.
extension Frontdesk {
    /// Registers a visit; with `check_in`, checked in at once (a walk-in in one call), as its
    /// check-in call would: the plugins see the arrival.
    public func createCheckin(_ caller: Caller, _ request: CheckinRequest) async throws -> Checkin {
        try caller.require(.bookingCheckin)
        try request.validate()
        try await requireVisible(resources: [request.resourceID], caller)
        let (actor, newID, organizationID, hooks) = (caller.actor, self.newID, caller.organizationID, beforeHooks(caller))
        let (id, found) = (newID(), FoundTransitions())  // once: a batch run again registers the same visit
        let checkin = try await store.createCheckin(organizationID, request) { context in
            let now = self.now  // in the transaction, as for its steps
            let checkin = try Checkin.registering(
                request, id: id, organizationID: organizationID, resource: context.resource,
                memberExists: context.memberExists, booking: context.booking, now: now)
            let transitions = checkin.checkIn == nil ? [] : [Transition.checkIn(checkin)]
            try hooks.run(transitions)
            found.set(transitions)
            return Self.change(checkin, before: nil, action: "create", actor: actor, reason: nil, at: now, newID: newID)
        }
        try await runAfter(found.all, caller)
        return checkin
    }

    public func checkin(_ caller: Caller, _ id: UUID) async throws -> Checkin {
        try caller.require(.bookingRead)
        guard let checkin = try await store.checkin(caller.organizationID, id), caller.sees(checkin.locationID) else {
            throw FrontdeskError.notFound(entity: "checkin", id: id.text)
        }
        return checkin
    }

    public func checkins(_ caller: Caller, filter: CheckinFilter, page: PageRequest) async throws -> Page<Checkin> {
        try caller.require(.bookingRead)
        guard let reach = caller.reach(filter.locationIDs) else { return Page(items: [], next: nil) }
        var filter = filter
        filter.locationIDs = reach
        return try await store.checkins(caller.organizationID, filter: filter, page: page)
    }

    /// Stamps the arrival, `at` (default now).
    public func checkIn(_ caller: Caller, _ id: UUID, at: Date? = nil, ifMatch: Int? = nil) async throws -> Checkin {
        try caller.require(.bookingCheckin)
        return try await change(caller, id, action: "check_in", ifMatch: ifMatch) { current, now in
            try current.checkingIn(at: at ?? now, now: now)
        }
    }

    /// Stamps the departure, `at` (default now).
    public func checkOut(_ caller: Caller, _ id: UUID, at: Date? = nil, ifMatch: Int? = nil) async throws -> Checkin {
        try caller.require(.bookingCheckout)
        return try await change(caller, id, action: "check_out", ifMatch: ifMatch) { current, now in
            try current.checkingOut(at: at ?? now, now: now)
        }
    }

    /// Edits the planned window, notes and metadata; `check_in` and `check_out` also need the
    /// permissions of those calls, and follow their rules.
    public func updateCheckin(
        _ caller: Caller, _ id: UUID, _ patch: CheckinPatch, ifMatch: Int? = nil
    ) async throws -> Checkin {
        try caller.require(.bookingUpdate)
        if patch.checkIn != nil { try caller.require(.bookingCheckin) }
        if patch.checkOut != nil { try caller.require(.bookingCheckout) }
        try patch.validate()
        return try await change(caller, id, action: "update", ifMatch: ifMatch) { current, now in
            try current.applying(patch, now: now)
        }
    }

    /// Undoes the last step (the check-out, else the check-in); `reason` says why, in the audit log.
    public func revertCheckin(
        _ caller: Caller, _ id: UUID, reason: String, ifMatch: Int? = nil
    ) async throws -> Checkin {
        try caller.require(.bookingUpdate)
        var v = Validator()
        v.text(reason, "reason", required: true, max: 1_000, multiline: true)
        try v.validate()
        return try await change(caller, id, action: "revert", reason: reason, ifMatch: ifMatch) { current, now in
            try current.reverting(now: now)
        }
    }

    /// Deletes a checkin; its audit trail and events stay.
    public func deleteCheckin(_ caller: Caller, _ id: UUID) async throws {
        try caller.require(.bookingDelete)
        try await requireVisible(checkin: id, caller)
        let (now, actor, newID) = (self.now, caller.actor, self.newID)
        try await store.deleteCheckin(caller.organizationID, id) { current in
            Self.change(current, before: current, deleted: true, action: "delete", actor: actor, reason: nil,
                        at: now, newID: newID)
        }
    }

    /// A checkin's audit trail, also once it is deleted.
    public func checkinAudit(_ caller: Caller, _ id: UUID) async throws -> [AuditEntry] {
        try await requireVisible(checkin: id, caller)
        return try await trail(of: "checkin", id, caller)
    }

    /// One step on a checkin, given it and the current instant, checked against `ifMatch`, and
    /// the moves of its booking the step implies (`Booking.following`), written together; the
    /// plugins see the check-in or check-out it makes, and the booking's actions.
    private func change(
        _ caller: Caller, _ id: UUID, action: String, reason: String? = nil, ifMatch: Int?,
        _ step: @escaping @Sendable (Checkin, Date) throws -> Checkin
    ) async throws -> Checkin {
        try await requireVisible(checkin: id, caller)
        let (actor, newID, hooks) = (caller.actor, self.newID, beforeHooks(caller))
        let transitions = FoundTransitions()
        let checkin = try await store.changeCheckin(caller.organizationID, id) { current, linked, attendance in
            // Read in the transaction: the change, its events and its audit entry carry the instant
            // it was written, not the one its request started waiting for the writer.
            let now = self.now
            try Self.check(ifMatch, version: current.version)
            let next = try step(current, now)
            return try Self.write(attendance?.classified(next) ?? next, from: current, linked: linked, action: action,
                                  actor: actor, reason: reason, at: now, newID: newID, hooks: hooks, found: transitions)
        }
        try await runAfter(transitions.all, caller)
        return checkin
    }

    /// The write of a checkin's step from `current` to `next`, with the moves of its booking
    /// (`linked`) the step implies: the plugins' before-hooks see the transitions it makes, kept
    /// in `found` for their after-hooks.
    static func write(
        _ next: Checkin, from current: Checkin, linked: LinkedBooking?, action: String, actor: Actor, reason: String?,
        at now: Date, newID: @escaping @Sendable () -> UUID, hooks: BeforeHooks, found: FoundTransitions
    ) throws -> CheckinWrite {
        let moves = try linked?.booking.following(next, from: current, linked: linked?.checkins ?? [], now: now) ?? []
        let transitions = Transition.between(current, next)
            + moves.compactMap { move in move.action.map { Transition.booking($0, move.booking) } }
        try hooks.run(transitions)
        found.set(transitions)
        let change = Self.change(next, before: current, action: action, actor: actor, reason: reason, at: now,
                                 newID: newID)
        guard let booking = linked?.booking, !moves.isEmpty else { return CheckinWrite(checkin: change) }
        return CheckinWrite(checkin: change, booking: Self.change(
            booking, moves: moves, checkin: change, actor: actor, reason: reason, at: now, newID: newID))
    }

    /// The booking's change that its checkin's step makes: an audit entry and the events of each
    /// move, as the booking's own buttons write them, and the checkin's change with them.
    private static func change(
        _ booking: Booking, moves: [BookingStep], checkin: CheckinChange, actor: Actor, reason: String?, at: Date,
        newID: @escaping @Sendable () -> UUID
    ) -> BookingChange {
        var (before, audits, events) = (booking, [AuditEntry](), [EventDraft]())
        for move in moves {
            let step = record(move.booking, before: before, action: move.name, actor: actor, reason: reason, at: at,
                              newID: newID)
            audits.append(step.audit)
            events += step.events
            before = move.booking
        }
        return BookingChange(booking: before, audits: audits, events: events, checkins: [checkin],
                             invoice: invoiceFollow(before, from: booking, type: nil, actor: actor, at: at, newID: newID))
    }

    /// A checkin's write: its audit entry (no `after` once deleted) and the events of the change.
    static func change(
        _ checkin: Checkin, before: Checkin?, deleted: Bool = false, action: String, actor: Actor, reason: String?,
        at: Date, newID: @Sendable () -> UUID
    ) -> CheckinChange {
        let data = DomainJSON.encode(checkin)
        let kept = AuditEntry.changes(before: before.map(DomainJSON.encode), after: deleted ? nil : data)
        let audit = AuditEntry(
            id: newID(), organizationID: checkin.organizationID, entityType: "checkin", entityID: checkin.id,
            action: action, actor: actor, before: kept.before, after: kept.after, reason: reason, createdAt: at)
        let events = Checkin.events(before: before, after: deleted ? nil : checkin).map { type in
            EventDraft(id: newID(), type: type, entityType: "checkin", entityID: checkin.id, data: data, createdAt: at)
        }
        return CheckinChange(checkin: checkin, previous: before, audit: audit, events: events)
    }
}
