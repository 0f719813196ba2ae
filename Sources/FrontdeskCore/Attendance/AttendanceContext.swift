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
    /// check-out undone takes it back). A booking's visit is the booking's: left as it is. A type
    /// a correction overrode stays while the visit is finished; its measures follow the stamps.
    public func classified(_ visit: Checkin, autoCheckedOut: Bool = false) -> Checkin {
        guard visit.memberID != nil, visit.bookingID == nil else { return visit }
        var visit = visit
        let override = visit.attendance.flatMap { $0.overridden ? $0.type : nil }
        visit.attendance = visit.checkIn.flatMap { checkIn in
            visit.checkOut.map { checkOut in
                var attendance = policy.classify(checkIn: checkIn, checkOut: checkOut, in: zone, autoCheckedOut: autoCheckedOut)
                if let override {
                    attendance.type = override
                    attendance.overridden = true
                }
                return attendance
            }
        }
        return visit
    }
}
