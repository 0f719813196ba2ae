import Foundation
import FrontdeskCore

extension Frontdesk {
    /// Undoes a booking's check-out or check-in, per line (`lineIDs`, or `resourceIDs`) or whole (`Booking.reverting`),
    /// with its lines' checkins, in one transaction; `reason` says why, in the audit entries of the
    /// booking and of each checkin. Requires `booking:update`, as a checkin's revert does.
    public func revertBooking(
        _ caller: Caller, _ reference: BookingReference, lineIDs: Set<UUID>? = nil, resourceIDs: Set<UUID>? = nil,
        reason: String, ifMatch: Int? = nil
    ) async throws -> Booking {
        try caller.require(.bookingUpdate)
        var v = Validator()
        v.text(reason, "reason", required: true, max: 1_000, multiline: true)
        try v.validate()
        try await requireVisible(reference, caller)
        let (actor, newID) = (caller.actor, self.newID)
        return try await store.changeBooking(caller.organizationID, reference) { current, linked in
            let now = self.now  // in the transaction, as for checkins
            try Self.check(ifMatch, version: current.version)
            let next = try current.reverting(lineIDs: try current.lineIDs(lineIDs, orResources: resourceIDs), now: now)
            return try Self.change(next, before: current, linked: linked, action: "revert", actor: actor,
                                   reason: reason, at: now, newID: newID)
        }
    }
}
