import Foundation

/// What a write of a member's visit outside bookings needs to classify it once finished: the
/// member's policy and the time zone of the visit's location.
public struct AttendanceContext: Sendable, Hashable {
    public var memberType: String
    public var policy: AttendancePolicy
    public var zone: TimeZone

    public init(memberType: String, policy: AttendancePolicy, zone: TimeZone) {
        self.memberType = memberType
        self.policy = policy
        self.zone = zone
    }

    /// The visit with its attendance: classified once finished, none while it is not (a
    /// check-out undone takes it back). A booking's visit is the booking's: left as it is.
    public func classified(_ visit: Checkin, autoCheckedOut: Bool = false) -> Checkin {
        guard visit.memberID != nil, visit.bookingID == nil else { return visit }
        var visit = visit
        visit.attendance = visit.checkIn.flatMap { checkIn in
            visit.checkOut.map { policy.classify(checkIn: checkIn, checkOut: $0, in: zone, autoCheckedOut: autoCheckedOut) }
        }
        return visit
    }
}
