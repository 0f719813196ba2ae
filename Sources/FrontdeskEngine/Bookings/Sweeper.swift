import Foundation
import FrontdeskCore
import Logging

extension Frontdesk {
    /// Moves on what time has decided: confirmed bookings never checked in past their location's
    /// no-show grace (where it marks no-shows: `auto_no_show`) become no_show; pending ones past
    /// their hold expire; members' visits left open past their expiry are closed (`checkOutExpired`);
    /// members' streaks and engagement are announced (`announceAttendance`); visits past their
    /// organization's retention are purged (`purgeVisits`). Core decides: each location's `DueBounds`, then `Booking.isDueForNoShow`
    /// in the transaction of each booking the store fetched by them. Returns how many moved.
    /// Plugins' hooks see each move as the system's (`Caller.system`); a before-hook's veto skips
    /// that booking, logged, and the sweep goes on.
    @discardableResult
    public func sweep(limit: Int = 500) async throws -> Int {
        let now = self.now
        let bounds = try await store.locationDesks().map { $0.dueBounds(at: now) }
        let due = try await store.dueBookings(bounds, limit: limit)
        var moved = 0
        for item in due {
            let (newID, caller) = (self.newID, Caller.system(item.organizationID))
            let hooks = beforeHooks(caller)
            let booking: Booking
            do {
                booking = try await store.changeBooking(item.organizationID, .id(item.bookingID)) { current, linked in
                    if item.action == .noShow,
                       !current.isDueForNoShow(now: now, grace: item.noShowGrace, linked: linked) {
                        throw NotDue()
                    }
                    let next = try current.applying(item.action, at: now, now: now)
                    try hooks.run([.booking(item.action, next)])
                    return try Self.change(next, before: current, linked: linked, action: item.action.rawValue,
                                           actor: caller.actor, reason: "sweep", at: now, newID: newID)
                }
            } catch is NotDue {
                continue // the query found it, the rule says someone arrived
            } catch let error as FrontdeskError where error.code == "vetoed" {
                logger.notice("A plugin kept the sweep from moving a booking", metadata: [
                    "booking": "\(item.bookingID)", "action": "\(item.action.rawValue)", "reason": "\(error.detail)",
                ])
                continue
            } catch let error as FrontdeskError {
                // Someone moved it first (checked in, cancelled): nothing left to do.
                logger.debug("sweep skipped \(item.bookingID): \(error.code)")
                continue
            }
            moved += 1
            try await runAfter([.booking(item.action, booking)], caller)
        }
        moved += try await checkOutExpired(limit: limit).count
        try await announceAttendance(limit: limit)
        try await purgeVisits(limit: limit)
        return moved
    }
}

/// The no-show rule turned down a booking the sweep's query found.
private struct NotDue: Error {}
