import Foundation

extension Booking {
    /// The no-show rule, the one place it is written: a booking is due to become `no_show` only if it
    /// is `confirmed`, its start plus `grace` has passed at `now`, none of its lines was checked in
    /// and none of its checkins (`linked`) has a `check_in`. The sweep asks it of every booking its
    /// query found, inside the transaction that would move it.
    public func isDueForNoShow(now: Date, grace: TimeInterval, linked: [Checkin]) -> Bool {
        status == .confirmed
            && window.start.addingTimeInterval(grace) <= now
            && lines.allSatisfy { $0.checkedInAt == nil }
            && !linked.contains { $0.bookingID == id && $0.checkIn != nil }
    }
}
