import Foundation

/// How a finished visit is classified: against a weekly schedule, or by its length alone.
public enum DetectionMode: String, Sendable, Codable, CaseIterable {
    case timeBased = "time_based"
    case scheduleAware = "schedule_aware"
}

/// What a finished visit counted as.
public enum AttendanceType: String, Sendable, Codable, CaseIterable {
    case fullDay = "full_day"
    case halfDayMorning = "half_day_morning"
    case halfDayAfternoon = "half_day_afternoon"
    case overtime, short
}

/// A finished visit's attendance, stored with it: what it counted as, for which local day, and
/// how it measured against the schedule.
public struct VisitAttendance: Sendable, Hashable {
    public var type: AttendanceType
    /// The local day it counts for (an overnight shift's, the day it starts on).
    public var day: LocalDate
    public var workedMinutes: Int
    public var lateMinutes: Int
    public var earlyExitMinutes: Int
    /// Closed by the sweeper (`AttendancePolicy.expiry`), not by the member.
    public var autoCheckedOut: Bool
    /// Its type set by a correction (`override_attendance_type`), not by the policy: the visit's
    /// later steps keep it (`AttendanceContext.classified`).
    public var overridden: Bool

    public init(type: AttendanceType, day: LocalDate, workedMinutes: Int, lateMinutes: Int, earlyExitMinutes: Int,
                autoCheckedOut: Bool, overridden: Bool = false) {
        self.type = type
        self.day = day
        self.workedMinutes = workedMinutes
        self.lateMinutes = lateMinutes
        self.earlyExitMinutes = earlyExitMinutes
        self.autoCheckedOut = autoCheckedOut
        self.overridden = overridden
    }

    /// A work-day count: a full day (or overtime) is one, a half day a half, a short visit none.
    public var workDays: Double {
        switch type {
        case .fullDay, .overtime: 1
        case .halfDayMorning, .halfDayAfternoon: 0.5
        case .short: 0
        }
    }
}

/// The attendance rules of one member: their type's settings over the defaults, and their own
/// schedule over their type's. Everything is read in the visit's location's time zone.
public struct AttendancePolicy: Sendable, Hashable {
    public static let defaultGraceMinutes = 15
    public static let defaultOvertimeHours = 10.0
    public static let defaultFullDayHours = 1.0
    public static let defaultMaxSessionHours = 12.0
    /// Employees are scheduled: schedule-aware, and their visits closed 9 hours past the planned end.
    public static let scheduledType = "employee"

    public var detection: DetectionMode
    public var graceMinutes: Int
    public var schedule: Schedule?
    public var afterHours: Double
    public var maxSessionHours: Double
    public var overtimeHours: Double
    public var fullDayHours: Double

    public init(type: String, settings: AttendanceSettings.TypeSettings, memberSchedule: Schedule?) {
        let employee = type == Self.scheduledType
        detection = settings.detection ?? (employee ? .scheduleAware : .timeBased)
        graceMinutes = settings.graceMinutes ?? Self.defaultGraceMinutes
        schedule = memberSchedule ?? settings.schedule
        afterHours = settings.autoCheckout?.afterHours ?? (employee ? 9 : 6)
        maxSessionHours = settings.autoCheckout?.maxSessionHours ?? Self.defaultMaxSessionHours
        overtimeHours = settings.overtimeHours ?? Self.defaultOvertimeHours
        fullDayHours = settings.fullDayHours ?? Self.defaultFullDayHours
    }

    /// The attendance of a visit from `checkIn` to `checkOut`. Schedule-aware (with a schedule):
    /// worked time as a share of the scheduled day, overtime from 1.1, a full day from 0.75, a
    /// half day from 0.4 (morning or afternoon as the visit's middle falls before or after the
    /// shift's), else short; late and early exit beyond the grace, in whole minutes, against the
    /// shift (a half day's, against its half); a visit on a day off is overtime. Time-based: overtime from `overtimeHours`, a full day from
    /// `fullDayHours`, else short.
    public func classify(checkIn: Date, checkOut: Date, in zone: TimeZone, autoCheckedOut: Bool = false) -> VisitAttendance {
        let worked = max(0, checkOut.timeIntervalSince(checkIn))
        let workedMinutes = Int(worked / 60)
        func attendance(_ type: AttendanceType, _ day: LocalDate, late: Int = 0, early: Int = 0) -> VisitAttendance {
            VisitAttendance(type: type, day: day, workedMinutes: workedMinutes, lateMinutes: late, earlyExitMinutes: early,
                            autoCheckedOut: autoCheckedOut)
        }
        guard detection == .scheduleAware, let schedule else {
            let hours = worked / 3_600
            return attendance(hours >= overtimeHours ? .overtime : hours >= fullDayHours ? .fullDay : .short,
                              LocalDate(checkIn, in: zone))
        }
        guard let shift = schedule.shift(for: checkIn, in: zone) else {
            return attendance(.overtime, schedule.day(of: checkIn, in: zone))
        }
        let share = Double(workedMinutes) / schedule.scheduledMinutes
        let shiftMiddle = shift.start + shift.end.timeIntervalSince(shift.start) / 2
        let type: AttendanceType
        if share >= 1.1 {
            type = .overtime
        } else if share >= 0.75 {
            type = .fullDay
        } else if share >= 0.4 {
            type = checkIn + worked / 2 < shiftMiddle ? .halfDayMorning : .halfDayAfternoon
        } else {
            type = .short
        }
        // A half day is measured against its half: an afternoon begins at the shift's middle, a
        // morning ends there.
        let (from, to) = switch type {
        case .halfDayMorning: (shift.start, shiftMiddle)
        case .halfDayAfternoon: (shiftMiddle, shift.end)
        default: (shift.start, shift.end)
        }
        let grace = TimeInterval(graceMinutes * 60)
        let late = checkIn > from + grace ? Int(checkIn.timeIntervalSince(from) / 60) : 0
        let early = checkOut < to - grace ? Int(to.timeIntervalSince(checkOut) / 60) : 0
        return attendance(type, shift.day, late: late, early: early)
    }

    /// When a visit in progress is closed by the sweeper, and the check-out it is stamped with:
    /// `afterHours` past its planned end (its planned window's, else its shift's), stamped at that
    /// end; or `maxSessionHours` after its check-in, stamped there; whichever comes first. Nil
    /// for a visit not checked in.
    public func expiry(of visit: Checkin, in zone: TimeZone) -> (deadline: Date, stamp: Date)? {
        guard let checkIn = visit.checkIn, visit.checkOut == nil else { return nil }
        let cap = checkIn + maxSessionHours * 3_600
        var expiry = (deadline: cap, stamp: cap)
        if let end = visit.planned?.end ?? scheduledEnd(of: checkIn, in: zone) {
            let stamp = max(end, checkIn), deadline = stamp + afterHours * 3_600
            if deadline < expiry.deadline { expiry = (deadline, stamp) }
        }
        return expiry
    }

    private func scheduledEnd(of checkIn: Date, in zone: TimeZone) -> Date? {
        guard detection == .scheduleAware else { return nil }
        return schedule?.shift(for: checkIn, in: zone)?.end
    }
}

extension VisitAttendance: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("auto_checked_out"); json.bool(autoCheckedOut)
            json.key("day"); json.string(day.description)
            json.key("early_exit_minutes"); json.int(earlyExitMinutes)
            json.key("late_minutes"); json.int(lateMinutes)
            json.key("overridden"); json.bool(overridden)
            json.key("type"); json.string(type.rawValue)
            json.key("work_days"); json.double(workDays)
            json.key("worked_minutes"); json.int(workedMinutes)
        }
    }
}
