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

    /// The context of a member of `memberType` with their own `schedule` (if any) under their
    /// organization's `settings`, at a location of zone `locationZone`, else their organization's
    /// (`organizationZone`), as the stores read them.
    public init(memberType: String, schedule: Schedule?, settings: AttendanceSettings, locationZone: String?,
                organizationZone: String) {
        self.init(memberType: memberType, policy: settings.policy(for: memberType, schedule: schedule),
                  zone: Location.zone(locationZone, else: TimeZone(identifier: organizationZone) ?? .gmt))
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
