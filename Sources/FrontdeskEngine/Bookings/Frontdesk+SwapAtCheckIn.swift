import Foundation
import FrontdeskCore

extension Frontdesk {
    /// Checks one line in on another resource than the one booked, as a rental desk hands over
    /// another bike (seed 002's "swap to a different bike at check-in"): the line's swap
    /// (`booking_line_changed`, audited `change_line`, checked and priced again as
    /// `changeBookingLine` does) and its check-in (with the check-in's rules, on the new resource),
    /// in one transaction. The line is the one `lineIDs` or `resourceIDs` names, or the booking's
    /// only line. Requires `booking:checkin` and `booking:update`.
    public func checkIn(
        _ caller: Caller, _ reference: BookingReference, swappingTo resourceID: UUID, lineIDs: Set<UUID>? = nil,
        resourceIDs: Set<UUID>? = nil, at: Date? = nil, reason: String? = nil, ifMatch: Int? = nil
    ) async throws -> Booking {
        try caller.require(.bookingCheckin)
        try caller.require(.bookingUpdate)
        try Self.validateReason(reason)
        try await requireVisible(reference, caller)
        try await requireVisible(resources: [resourceID], caller)
        let (actor, newID, hooks) = (caller.actor, self.newID, beforeHooks(caller))
        let booking = try await store.reviseBooking(caller.organizationID, reference, memberID: nil, now: now, requested: { booking in
            guard let id = try? booking.lineToSwap(lineIDs, orResources: resourceIDs),
                  let line = booking.lines.first(where: { $0.id == id }) else { return [] }
            return [BookingRequest.Line(resourceID: resourceID, window: line.window)]
        }) { context in
            let now = self.now  // in the transaction, as for checkins
            try Self.check(ifMatch, version: context.booking.version)
            let lineID = try context.booking.lineToSwap(lineIDs, orResources: resourceIDs)
            let (swapped, line) = try context.booking.revised(.changeLine(lineID, resourceID: resourceID, window: nil),
                                                              newLineID: newID(), resources: context.resources,
                                                              memberName: nil, now: now)
            let checkedIn = try swapped.applying(.checkIn, at: at ?? now, now: now, lineIDs: [lineID], reason: reason)
            try hooks.run([.booking(.checkIn, checkedIn)])
            let swap = try Self.change(swapped, before: context.booking, type: .bookingLineChanged, line: line,
                                       action: "change_line", actor: actor, reason: reason, at: now, newID: newID)
            var change = try Self.change(checkedIn, before: swapped, linked: context.linked, action: BookingAction.checkIn.rawValue,
                                         actor: actor, reason: reason, at: now, newID: newID)
            change.bookingAudits.insert(contentsOf: swap.bookingAudits, at: 0)
            change.bookingEvents.insert(contentsOf: swap.bookingEvents, at: 0)
            change.invoice = swap.invoice
            return change
        }
        try await runAfter([.booking(.checkIn, booking)], caller)
        return booking
    }
}
