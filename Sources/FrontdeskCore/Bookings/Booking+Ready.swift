import Foundation

extension Booking {
    /// The booking readied at `at`: a check-out freed its resource ahead of its start, so the guest
    /// may be let in early. Nil when it is ready already or its guest is no longer awaited.
    public func readied(at instant: Date, now: Date) -> Booking? {
        guard readyAt == nil, BookingStatus.awaitingArrival.contains(status) else { return nil }
        var next = self
        next.readyAt = instant.truncatedToMilliseconds
        next.version += 1
        next.updatedAt = now
        return next
    }
}
