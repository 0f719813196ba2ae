import Foundation

extension Checkin {
    /// The presence a booking action implies, for its lines that changed from `before` (nil: the
    /// booking is new, a walk-in created active) to `booking`: a line checked in checks in its pending
    /// checkin, or gets a new one already in progress; a line checked out checks out its checkins in
    /// progress at the line's instant (the line and its checkins carry the same stamps); a line's
    /// check-in or check-out undone undoes its checkins' (in progress, or checked out with it).
    /// Returns the checkins to write, new or changed.
    public static func following(
        _ booking: Booking, from before: Booking?, linked: [Checkin], now: Date, newID: () -> UUID
    ) throws(FrontdeskError) -> [Checkin] {
        var result: [Checkin] = []
        for line in booking.lines {
            let old = before?.lines.first { $0.id == line.id }
            let ofLine = linked.filter { $0.bookingLineID == line.id }
            if old?.checkedInAt == nil, let arrived = line.checkedInAt {
                if let pending = ofLine.first(where: { $0.state == .pending }) {
                    result.append(try pending.checkingIn(at: arrived, now: now))
                } else if !ofLine.contains(where: { $0.state == .inProgress }) {
                    result.append(Checkin(
                        id: newID(), organizationID: booking.organizationID, resourceID: line.resourceID,
                        locationID: booking.locationID, memberID: booking.memberID, bookingID: booking.id, bookingLineID: line.id,
                        planned: line.window, checkIn: arrived, createdAt: now))
                }
            }
            if old?.checkedOutAt == nil, let left = line.checkedOutAt {
                let started = result.filter { $0.bookingLineID == line.id && $0.state == .inProgress }
                let current = ofLine.filter { $0.state == .inProgress && !started.map(\.id).contains($0.id) }
                for visit in started + current {
                    // The line's own stamp, always: a visit that began after it is a 422 on `at`.
                    let done = try visit.checkingOut(at: left, now: now)
                    result.removeAll { $0.id == visit.id }
                    result.append(done)
                }
            }
            // A line's step undone (`Booking.reverting`) undoes its checkins' same step.
            if let old, old.checkedInAt != nil, line.checkedInAt == nil {
                for visit in ofLine where visit.state == .inProgress { result.append(try visit.reverting(now: now)) }
            }
            if let left = old?.checkedOutAt, line.checkedOutAt == nil {
                for visit in ofLine where visit.checkOut == left { result.append(try visit.reverting(now: now)) }
            }
        }
        return result
    }
}
