import Foundation
import FrontdeskCore
import Logging

extension Frontdesk {
    /// Moves on what time has decided: confirmed bookings never checked in past the organization's
    /// no-show grace become no_show; pending ones past their hold expire. Returns how many moved.
    @discardableResult
    public func sweep(limit: Int = 500) async throws -> Int {
        let due = try await store.dueBookings(now: now, limit: limit)
        var moved = 0
        for item in due {
            let (now, newID) = (self.now, self.newID)
            do {
                _ = try await store.changeBooking(item.organizationID, .id(item.bookingID)) { current, linked in
                    let next = try current.applying(item.action, at: now, now: now)
                    return try Self.change(next, before: current, linked: linked, type: item.action.eventType,
                                           action: item.action.rawValue, actor: .system, reason: "sweep", at: now,
                                           newID: newID)
                }
                moved += 1
            } catch let error as FrontdeskError {
                // Someone moved it first (checked in, cancelled): nothing left to do.
                logger.debug("sweep skipped \(item.bookingID): \(error.code)")
            }
        }
        return moved
    }
}
