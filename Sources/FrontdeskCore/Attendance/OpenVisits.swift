import Foundation

/// A member is in one place once: their visits in progress in a location, outside any booking, are
/// at most their type's `open_visits` (`AttendanceSettings.openVisits(for:)`, one by default). A
/// booking's visits are the booking's to count: a guest with two rooms is in both.
public enum OpenVisits {
    /// Whether the rule weighs on `arrival`: a visit of a member, not of a booking.
    public static func applies(to arrival: Arrival) -> Bool {
        arrival.checkin.memberID != nil && arrival.checkin.bookingID == nil
    }

    /// Whether `arrival` may begin beside `open`, the member's other visits in progress in its
    /// location (outside bookings): else 409 `duplicate_checkin` naming them.
    public static func admit(_ arrival: Arrival, beside open: [UUID], limit: Int) throws(FrontdeskError) {
        guard applies(to: arrival), let memberID = arrival.checkin.memberID else { return }
        let others = open.filter { $0 != arrival.checkin.id }
        if others.count + 1 > limit { throw .alreadyInside(memberID: memberID, visits: others) }
    }
}
