import Foundation

/// What the desk submits: the type, the visit (`checkinID`) or, to add a missing one, its member,
/// resource and stamps, the proposed value, why, and how urgent.
public struct CorrectionRequest: Sendable, Hashable {
    public var type: CorrectionType
    public var checkinID: UUID?
    public var memberID: UUID?
    public var resourceID: UUID?
    public var checkIn: Date?
    public var checkOut: Date?
    public var value: Value?
    public var reason: String
    public var priority: CorrectionPriority

    /// The proposed value: an instant for the time updates, an attendance type for the override.
    public enum Value: Sendable, Hashable {
        case instant(Date)
        case attendanceType(AttendanceType)
    }

    public init(type: CorrectionType, checkinID: UUID? = nil, memberID: UUID? = nil, resourceID: UUID? = nil,
                checkIn: Date? = nil, checkOut: Date? = nil, value: Value? = nil, reason: String,
                priority: CorrectionPriority = .normal) {
        self.type = type
        self.checkinID = checkinID
        self.memberID = memberID
        self.resourceID = resourceID
        self.checkIn = checkIn
        self.checkOut = checkOut
        self.value = value
        self.reason = reason
        self.priority = priority
    }

    /// The fields each type takes, present, and the others absent; stamps as desk stamps (within
    /// `BookableYears`, not ahead of `now` by more than `DeskStamp.clockSkew`).
    public func validate(now: Date) throws(FrontdeskError) {
        var v = Validator()
        v.text(reason, "reason", required: true, max: 1_000, multiline: true)
        let adding = type == .addMissingAttendance
        v.check(adding ? checkinID == nil : checkinID != nil, "checkin_id",
                adding ? "is not taken by add_missing_attendance (give member_id and resource_id)" : "is required")
        for (field, present) in [("member_id", memberID != nil), ("resource_id", resourceID != nil),
                                 ("check_in", checkIn != nil), ("check_out", checkOut != nil)] {
            v.check(present == adding, field, adding ? "is required" : "is only taken by add_missing_attendance")
        }
        switch (type, value) {
        case (.updateCheckInTime, .instant(let at)), (.updateCheckOutTime, .instant(let at)):
            v.stamp(at, "value", now: now)
        case (.overrideAttendanceType, .attendanceType):
            break
        case (.updateCheckInTime, _), (.updateCheckOutTime, _):
            v.check(false, "value", "must be an instant (RFC 3339)")
        case (.overrideAttendanceType, _):
            v.check(false, "value", "must be an attendance type")
        case (.addMissingAttendance, _), (.deleteDuplicate, _):
            v.check(value == nil, "value", "is not taken by \(type.rawValue)")
        }
        v.stamp(checkIn, "check_in", now: now)
        v.stamp(checkOut, "check_out", now: now)
        if let checkIn, let checkOut {
            v.check(checkOut > checkIn, "check_out", "must be after check_in")
        }
        try v.validate()
    }
}
