import Foundation
import FrontdeskCore

extension Frontdesk {
    public func createBooking(_ caller: Caller, _ new: NewBooking) async throws -> Booking {
        try caller.require(.bookingCreate)
        let request = BookingRequest(memberID: new.memberID, lines: try await resolve(new.lines, caller),
                                     status: new.status, source: new.source, notes: new.notes)
        try request.validate()

        let (now, actor, newID) = (self.now, caller.actor, self.newID)
        return try await store.createBooking(caller.organizationID, request, now: now) { context in
            var booking = try BookingPlanner.plan(
                request, id: newID(), lineIDs: request.lines.map { _ in newID() },
                organization: context.organization, resources: context.resources,
                memberExists: context.memberExists, now: now)
            booking.number = BookingNumber.format(
                prefix: context.organization.bookingNumberPrefix,
                year: BookingNumber.year(of: now, in: context.organization.zone),
                sequence: context.nextSequence)
            return try Self.change(booking, before: nil, type: .bookingCreated, action: "create",
                               actor: actor, reason: nil, at: now, newID: newID)
        }
    }

    /// The lines' windows as instants. Dates are read in each resource's location time zone with the
    /// organization's check-in and check-out times, which takes two reads; instants take none.
    private func resolve(_ lines: [NewBooking.Line], _ caller: Caller) async throws -> [BookingRequest.Line] {
        let instants = lines.compactMap { line in
            line.window.instants.map { BookingRequest.Line(resourceID: line.resourceID, window: $0) }
        }
        if instants.count == lines.count { return instants }
        let organization = try await organization(of: caller)
        let zones = try await store.resourceZones(caller.organizationID, lines.map(\.resourceID))
        return lines.map { line in
            BookingRequest.Line(resourceID: line.resourceID,
                                window: line.window.resolve(in: zones[line.resourceID] ?? organization.zone,
                                                            organization: organization))
        }
    }

    public func booking(_ caller: Caller, _ reference: BookingReference) async throws -> Booking {
        try caller.require(.bookingRead)
        guard let booking = try await store.booking(caller.organizationID, reference) else {
            throw FrontdeskError.notFound(entity: "booking", id: reference.description)
        }
        return booking
    }

    public func bookings(_ caller: Caller, filter: BookingFilter, page: PageRequest) async throws -> Page<Booking> {
        try caller.require(.bookingRead)
        return try await store.bookings(caller.organizationID, filter: filter, page: page)
    }

    /// A desk button: confirm, check in, start, check out, cancel, no-show. `at` defaults to now;
    /// `ifMatch` is the version the client last read.
    public func perform(
        _ caller: Caller, _ action: BookingAction, on reference: BookingReference, at: Date? = nil,
        lineIDs: Set<UUID>? = nil, reason: String? = nil, ifMatch: Int? = nil
    ) async throws -> Booking {
        try caller.require(action.permission)
        try Self.validateReason(reason)
        let (actor, newID) = (caller.actor, self.newID)
        let booking = try await store.changeBooking(caller.organizationID, reference) { current, linked in
            let now = self.now  // in the transaction, as for checkins
            try Self.check(ifMatch, version: current.version)
            let next = try current.applying(action, at: at ?? now, now: now, lineIDs: lineIDs, reason: reason)
            try runBefore([.booking(action, next)], caller)
            return try Self.change(next, before: current, linked: linked, type: action.eventType,
                                   action: action.rawValue, actor: actor, reason: reason, at: now, newID: newID)
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

        let (actor, newID) = (caller.actor, self.newID)
        let booking = try await store.changeBooking(caller.organizationID, reference) { current, linked in
            let now = self.now  // in the transaction, as for checkins
            try Self.check(ifMatch, version: current.version)
            var next = current
            if let action {
                next = try next.applying(action, at: now, now: now)
                try runBefore([.booking(action, next)], caller)
            }
            if let notes = patch.notes {
                next.notes = notes.isEmpty ? nil : notes
                if action == nil {
                    next.version += 1
                    next.updatedAt = now
                }
            }
            return try Self.change(next, before: current, linked: linked, type: action?.eventType ?? .bookingUpdated,
                                   action: action?.rawValue ?? "update", actor: actor, reason: nil, at: now, newID: newID)
        }
        if let action { try await runAfter([.booking(action, booking)], caller) }
        return booking
    }

    /// Deletes a cancelled or expired booking for good; its audit trail and events stay.
    public func deleteBooking(_ caller: Caller, _ reference: BookingReference) async throws {
        try caller.require(.bookingDelete)
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

    public func bookingAudit(_ caller: Caller, _ reference: BookingReference) async throws -> [AuditEntry] {
        try caller.require(.auditRead)
        let booking = try await booking(caller, reference)
        return try await store.auditEntries(caller.organizationID, entityID: booking.id)
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
    /// those it had; a walk-in created active gets one per line).
    static func change(
        _ booking: Booking, before: Booking?, linked: [Checkin] = [], type: EventType, action: String, actor: Actor,
        reason: String?, at: Date, newID: @Sendable () -> UUID
    ) throws -> BookingChange {
        let after = DomainJSON.encode(booking)
        let audit = AuditEntry(
            id: newID(), organizationID: booking.organizationID, entityType: "booking", entityID: booking.id,
            action: action, actor: actor, before: before.map(DomainJSON.encode),
            after: type == .bookingDeleted ? nil : after, reason: reason, createdAt: at)
        let event = EventDraft(id: newID(), type: type, entityType: "booking", entityID: booking.id,
                               data: after, createdAt: at)
        let checkins = try Checkin.following(booking, from: before, linked: linked, now: at, newID: newID).map { checkin in
            change(checkin, before: linked.first { $0.id == checkin.id }, action: action, actor: actor,
                   reason: reason, at: at, newID: newID)
        }
        return BookingChange(booking: booking, audit: audit, event: event, checkins: checkins)
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
