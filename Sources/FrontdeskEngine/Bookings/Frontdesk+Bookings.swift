import Foundation
import FrontdeskCore

extension Frontdesk {
    /// Books; a guest given inline (`NewBooking.Holder.newMember`) is made in the same
    /// transaction, which takes `member:write` too.
    public func createBooking(_ caller: Caller, _ new: NewBooking) async throws -> Booking {
        try caller.require(.bookingCreate)
        try await requireVisible(resources: new.lines.map(\.resourceID), caller)
        var newMember: Member?
        if case .newMember(let input) = new.holder {
            try caller.require(.memberWrite)
            newMember = try member(input, caller, field: "member.")
        }
        let memberID: UUID = switch new.holder {
        case .member(let id): id
        case .newMember: newMember!.id
        }
        let request = BookingRequest(memberID: memberID, lines: try await resolve(new.lines, caller),
                                     status: new.status, source: new.source, notes: new.notes, newMember: newMember)
        try request.validate()

        let (now, actor, newID) = (self.now, caller.actor, self.newID)
        return try await store.createBooking(caller.organizationID, request, now: now) { context in
            var booking = try BookingPlanner.plan(
                request, id: newID(), lineIDs: request.lines.map { _ in newID() },
                organization: context.organization, resources: context.resources,
                memberName: context.memberName, now: now)
            booking.number = BookingNumber.format(
                prefix: context.organization.bookingNumberPrefix,
                year: BookingNumber.year(of: now, in: context.organization.zone),
                sequence: context.nextSequence)
            var change = try Self.change(booking, before: nil, type: .bookingCreated, action: "create",
                                         actor: actor, reason: nil, at: now, newID: newID)
            change.invoice = Self.newInvoice(of: change.booking, billing: context.organization.billing, id: newID(),
                                             newID: newID)
            return change
        }
    }

    /// The lines' windows as instants. Dates are read in each resource's location time zone with its
    /// location's check-in and check-out times, which takes a read; instants take none.
    private func resolve(_ lines: [NewBooking.Line], _ caller: Caller) async throws -> [BookingRequest.Line] {
        let instants = lines.compactMap { line in
            line.window.instants.map { BookingRequest.Line(resourceID: line.resourceID, window: $0) }
        }
        if instants.count == lines.count { return instants }
        let desks = try await desks(of: lines.map(\.resourceID), caller)
        return lines.map { line in
            let desk = desks[line.resourceID]!
            return BookingRequest.Line(resourceID: line.resourceID,
                                       window: line.window.resolve(in: desk.timeZone, settings: desk.settings),
                                       dates: line.window.dates)
        }
    }

    /// The desk each resource's dates are read at. A resource that is not there is refused by the
    /// planner or the revision; its organization's desk does until then.
    func desks(of resourceIDs: [UUID], _ caller: Caller) async throws -> [UUID: LocalDesk] {
        var desks = try await store.resourceDesks(caller.organizationID, resourceIDs)
        let missing = resourceIDs.filter { desks[$0] == nil }
        if !missing.isEmpty {
            let fallback = LocalDesk(zone: nil, settings: .init(), in: try await organization(of: caller))
            for id in missing { desks[id] = fallback }
        }
        return desks
    }

    public func booking(_ caller: Caller, _ reference: BookingReference) async throws -> Booking {
        try caller.require(.bookingRead)
        guard let booking = try await store.booking(caller.organizationID, reference), caller.sees(booking.locationID) else {
            throw FrontdeskError.notFound(entity: "booking", id: reference.description)
        }
        return booking.asOf(now)
    }

    public func bookings(_ caller: Caller, filter: BookingFilter, page: PageRequest) async throws -> Page<Booking> {
        try caller.require(.bookingRead)
        guard let reach = caller.reach(filter.locationIDs) else { return Page(items: [], next: nil) }
        var filter = filter
        filter.locationIDs = reach
        var page = try await store.bookings(caller.organizationID, filter: filter, page: page)
        let now = self.now
        page.items = page.items.map { $0.asOf(now) }
        return page
    }

    /// A desk button: confirm, check in, start, check out, cancel, no-show. `at` defaults to now;
    /// a check-in or check-out may name its lines, by id or by resource (`Booking.lineIDs(_:orResources:)`);
    /// a cancellation may give money back (`refund`, which takes `payment:refund`); `ifMatch` is the
    /// version the client last read.
    public func perform(
        _ caller: Caller, _ action: BookingAction, on reference: BookingReference, at: Date? = nil,
        lineIDs: Set<UUID>? = nil, resourceIDs: Set<UUID>? = nil, reason: String? = nil,
        refund: CancellationRefund? = nil, returning: BookingReturn? = nil, ifMatch: Int? = nil
    ) async throws -> Booking {
        try caller.require(action.permission)
        try Self.validateReason(reason)
        if let refund {
            try caller.require(.paymentRefund)
            try refund.validate()
            guard action == .cancel else {
                throw FrontdeskError.validationFailed([FieldIssue("refund_amount", "is only given back on a cancellation")])
            }
        }
        try await requireVisible(reference, caller)
        let (actor, newID, hooks) = (caller.actor, self.newID, beforeHooks(caller))
        let booking = try await store.changeBooking(caller.organizationID, reference) { current, linked in
            let now = self.now  // in the transaction, as for checkins
            try Self.check(ifMatch, version: current.version)
            let next = try current.applying(action, at: at ?? now, now: now,
                                            lineIDs: try current.lineIDs(lineIDs, orResources: resourceIDs), reason: reason)
            try hooks.run([.booking(action, next)])
            return try Self.change(next, before: current, linked: linked, action: action.rawValue, actor: actor,
                                   reason: reason, refund: refund, returning: returning, at: now, newID: newID)
        }
        try await runAfter([.booking(action, booking)], caller)
        return booking
    }

    /// The manual override of the seeds: a new `status` applies exactly the action that enters it,
    /// with the same rules and stamps; `notes` may change with it or alone.
    public func updateBooking(
        _ caller: Caller, _ reference: BookingReference, _ patch: BookingPatch, ifMatch: Int? = nil
    ) async throws -> Booking {
        try caller.require(.bookingUpdate)
        let action = try patch.status.map { status throws(FrontdeskError) in
            guard let action = BookingAction(entering: status) else {
                throw .validationFailed([FieldIssue("status", "a booking cannot be moved back to pending")])
            }
            return action
        }
        if let action { try caller.require(action.permission) }
        var v = Validator()
        v.text(patch.notes, "notes", max: 10_000, multiline: true)
        v.check(patch.status != nil || patch.notes != nil, "status", "give status, notes or both")
        try v.validate()
        try await requireVisible(reference, caller)

        let (actor, newID, hooks) = (caller.actor, self.newID, beforeHooks(caller))
        let booking = try await store.changeBooking(caller.organizationID, reference) { current, linked in
            let now = self.now  // in the transaction, as for checkins
            try Self.check(ifMatch, version: current.version)
            var next = current
            if let action {
                next = try next.applying(action, at: now, now: now)
                try hooks.run([.booking(action, next)])
            }
            if let notes = patch.notes {
                next.notes = notes.isEmpty ? nil : notes
                if action == nil {
                    next.version += 1
                    next.updatedAt = now
                }
            }
            return try Self.change(next, before: current, linked: linked, action: action?.rawValue ?? "update",
                                   actor: actor, reason: nil, at: now, newID: newID)
        }
        if let action { try await runAfter([.booking(action, booking)], caller) }
        return booking
    }

    /// Deletes a cancelled or expired booking for good; its audit trail and events stay.
    public func deleteBooking(_ caller: Caller, _ reference: BookingReference) async throws {
        try caller.require(.bookingDelete)
        try await requireVisible(reference, caller)
        let (now, actor, newID) = (self.now, caller.actor, self.newID)
        try await store.deleteBooking(caller.organizationID, reference) { current in
            guard current.status.isDeletable else {
                throw FrontdeskError.conflict(
                    code: "booking_not_deletable",
                    detail: "Only cancelled or expired bookings can be deleted; \(current.number) is \(current.status.rawValue).")
            }
            return try Self.change(current, before: current, type: .bookingDeleted, action: "delete",
                               actor: actor, reason: nil, at: now, newID: newID)
        }
    }

    /// A booking's audit trail, also once it is deleted (by its id: its number is gone with it).
    public func bookingAudit(_ caller: Caller, _ reference: BookingReference) async throws -> [AuditEntry] {
        try await requireVisible(reference, caller)
        return switch reference {
        case .id(let id): try await trail(of: "booking", id, caller)
        case .number: try await trail(of: "booking", try await booking(caller, reference).id, caller)
        }
    }

    /// `ifMatch` is the version the client last read of what it changes.
    static func check(_ ifMatch: Int?, version: Int) throws(FrontdeskError) {
        if let ifMatch, ifMatch != version {
            throw .preconditionFailed(expected: String(ifMatch), actual: version)
        }
    }

    static func validateReason(_ reason: String?) throws(FrontdeskError) {
        var v = Validator()
        v.text(reason, "reason", max: 1_000, multiline: true)
        try v.validate()
    }

    /// The booking's change, with the checkins of its lines that it checks in or out (`linked`:
    /// those it had; a walk-in created active gets one per line). `type` names the event; nil: the
    /// events of the step (`Booking.events(from:)`).
    static func change(
        _ booking: Booking, before: Booking?, linked: [Checkin] = [], type: EventType? = nil, line: BookingLine? = nil,
        action: String, actor: Actor, reason: String?, refund: CancellationRefund? = nil, returning: BookingReturn? = nil,
        at: Date, newID: @escaping @Sendable () -> UUID
    ) throws -> BookingChange {
        let step = record(booking, before: before, type: type, line: line, action: action, actor: actor, reason: reason,
                          at: at, newID: newID)
        let checkins = try Checkin.following(booking, from: before, linked: linked, now: at, newID: newID).map { checkin in
            change(checkin, before: linked.first { $0.id == checkin.id }, action: action, actor: actor,
                   reason: reason, at: at, newID: newID)
        }
        let invoice = before.flatMap {
            invoiceFollow(booking, from: $0, type: type, refund: refund, returning: returning, actor: actor, at: at,
                          newID: newID)
        }
        return BookingChange(booking: booking.asOf(at), audits: [step.audit], events: step.events, checkins: checkins,
                             invoice: invoice)
    }

    /// A booking step's audit entry and events; a `type` given names the one event, about `line`
    /// when given.
    static func record(
        _ booking: Booking, before: Booking?, type: EventType? = nil, line: BookingLine? = nil, action: String,
        actor: Actor, reason: String?, at: Date, newID: @Sendable () -> UUID
    ) -> (audit: AuditEntry, events: [EventDraft]) {
        let booking = booking.asOf(at), before = before?.asOf(at)  // overdue lines marked, as the API reads them
        let after = DomainJSON.encode(booking)
        let kept = AuditEntry.changes(before: before.map(DomainJSON.encode), after: type == .bookingDeleted ? nil : after)
        let audit = AuditEntry(
            id: newID(), organizationID: booking.organizationID, entityType: "booking", entityID: booking.id,
            action: action, actor: actor, before: kept.before, after: kept.after, reason: reason, createdAt: at)
        let events = type.map { [BookingEvent($0, line: line)] } ?? before.map(booking.events(from:)) ?? [BookingEvent(.bookingCreated)]
        return (audit, events.map { event in
            EventDraft(id: newID(), type: event.type, entityType: "booking", entityID: booking.id,
                       data: event.line == nil ? after : event.data(of: booking), createdAt: at)
        })
    }
}

extension BookingAction {
    /// The permission a key needs to press this button.
    public var permission: Permission {
        switch self {
        case .confirm, .noShow, .expire: .bookingUpdate
        case .checkIn, .start: .bookingCheckin
        case .checkOut: .bookingCheckout
        case .cancel: .bookingCancel
        }
    }
}
