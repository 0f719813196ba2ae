import Foundation

extension Checkin {
    /// The presence a booking action implies, for its lines that changed from `before` (nil: the
    /// booking is new, a walk-in created active) to `booking`: a line checked in checks in its pending
    /// checkin, or gets a new one already in progress; a line checked out checks out its checkins in
    /// progress, at the line's instant or, for a visit that began later, at its own check-in.
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
                        memberID: booking.memberID, bookingID: booking.id, bookingLineID: line.id,
                        planned: line.window, checkIn: arrived, createdAt: now))
                }
            }
            if old?.checkedOutAt == nil, let left = line.checkedOutAt {
                let started = result.filter { $0.bookingLineID == line.id && $0.state == .inProgress }
                let current = ofLine.filter { $0.state == .inProgress && !started.map(\.id).contains($0.id) }
                for visit in started + current {
                    let done = try visit.checkingOut(at: max(left, visit.checkIn ?? left), now: now)
                    result.removeAll { $0.id == visit.id }
                    result.append(done)
                }
            }
        }
        return result
    }
}
