import Foundation

/// The settings a desk runs on: when a stay's days begin and end, how long a confirmed guest is
/// waited for before the sweeper marks a no-show (if it marks them at all), and how long a pending
/// hold lasts. The organization's are the default; a location may override each of them
/// (`LocationSettings`).
public struct DeskSettings: Sendable, Hashable, Codable {
    enum CodingKeys: String, CodingKey {
        case checkInTime = "check_in_time"
        case checkOutTime = "check_out_time"
        case noShowGraceMinutes = "no_show_grace_minutes"
        case pendingHoldMinutes = "pending_hold_minutes"
        case autoNoShow = "auto_no_show"
    }

    public var checkInTime: LocalTimeText
    public var checkOutTime: LocalTimeText
    public var noShowGraceMinutes: Int
    public var pendingHoldMinutes: Int
    /// Whether the sweeper marks confirmed bookings past their grace `no_show`.
    public var autoNoShow: Bool

    public init(checkInTime: LocalTimeText, checkOutTime: LocalTimeText, noShowGraceMinutes: Int,
                pendingHoldMinutes: Int, autoNoShow: Bool) {
        self.checkInTime = checkInTime
        self.checkOutTime = checkOutTime
        self.noShowGraceMinutes = noShowGraceMinutes
        self.pendingHoldMinutes = pendingHoldMinutes
        self.autoNoShow = autoNoShow
    }

    public var checkIn: LocalTime { LocalTime(checkInTime) ?? LocalTime("14:00")! }
    public var checkOut: LocalTime { LocalTime(checkOutTime) ?? LocalTime("11:00")! }

    /// The bounds of each setting, checked where an organization or a location sets it.
    static func check(_ v: inout Validator, checkInTime: String?, checkOutTime: String?, noShowGraceMinutes: Int?,
                      pendingHoldMinutes: Int?, field: String = "") {
        if let checkInTime { v.check(LocalTime(checkInTime) != nil, field + "check_in_time", "must be HH:MM") }
        if let checkOutTime { v.check(LocalTime(checkOutTime) != nil, field + "check_out_time", "must be HH:MM") }
        if let noShowGraceMinutes {
            v.check((0...10_080).contains(noShowGraceMinutes), field + "no_show_grace_minutes", "must be between 0 and 10080")
        }
        if let pendingHoldMinutes {
            v.check((1...10_080).contains(pendingHoldMinutes), field + "pending_hold_minutes", "must be between 1 and 10080")
        }
    }
}
