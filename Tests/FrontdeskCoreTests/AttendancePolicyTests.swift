import Foundation
import FrontdeskCore
import Testing

/// Detection: a finished visit classified by its length, or against a schedule in the location's
/// zone (late, early exit, half days, days off, overnight shifts, daylight-saving changes), and
/// when a visit left open expires.
@Suite struct AttendancePolicyTests {
    static let lisbon = TimeZone(identifier: "Europe/Lisbon")!
    static let weekdays = Schedule(days: [.mon, .tue, .wed, .thu, .fri], start: LocalTime("09:00")!, end: LocalTime("17:00")!)

    /// 2026-03-02 is a Monday; Lisbon is on UTC until 2026-03-29, then UTC+1.
    static func at(_ text: String) -> Date { try! InstantFormat.parse(text) }

    static func employee(_ schedule: Schedule? = weekdays, settings: AttendanceSettings.TypeSettings = .init()) -> AttendancePolicy {
        AttendancePolicy(type: "employee", settings: settings, memberSchedule: schedule)
    }

    func classify(_ policy: AttendancePolicy, _ from: String, _ to: String) -> VisitAttendance {
        policy.classify(checkIn: Self.at(from), checkOut: Self.at(to), in: Self.lisbon)
    }

    @Test func byLengthAlone() {
        let member = AttendancePolicy(type: "member", settings: .init(), memberSchedule: nil)
        #expect(member.detection == .timeBased)
        #expect(classify(member, "2026-03-02T18:00:00Z", "2026-03-02T18:45:00Z").type == .short)
        let gym = classify(member, "2026-03-02T18:00:00Z", "2026-03-02T19:30:00Z")
        #expect(gym.type == .fullDay && gym.workedMinutes == 90 && gym.lateMinutes == 0 && gym.day == LocalDate("2026-03-02"))
        #expect(classify(member, "2026-03-02T08:00:00Z", "2026-03-02T18:00:00Z").type == .overtime)
        let custom = AttendancePolicy(type: "member", settings: .init(overtimeHours: 3, fullDayHours: 0.5), memberSchedule: nil)
        #expect(classify(custom, "2026-03-02T18:00:00Z", "2026-03-02T18:40:00Z").type == .fullDay)
        // An employee without any schedule is measured by length too.
        #expect(classify(Self.employee(nil), "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z").type == .short)
    }

    @Test func againstTheSchedule() {
        let policy = Self.employee()
        let day = classify(policy, "2026-03-02T09:10:00Z", "2026-03-02T17:00:00Z")
        #expect(day.type == .fullDay && day.lateMinutes == 0 && day.earlyExitMinutes == 0 && day.workDays == 1)
        let late = classify(policy, "2026-03-02T09:40:00Z", "2026-03-02T16:30:00Z")
        #expect(late.type == .fullDay && late.lateMinutes == 40 && late.earlyExitMinutes == 30)
        // A half day is measured against its half: the morning ends, the afternoon begins at 13:00.
        let morning = classify(policy, "2026-03-02T09:00:00Z", "2026-03-02T12:30:00Z")
        #expect(morning.type == .halfDayMorning && morning.workDays == 0.5 && morning.earlyExitMinutes == 30)
        let afternoon = classify(policy, "2026-03-02T12:50:00Z", "2026-03-02T17:00:00Z")
        #expect(afternoon.type == .halfDayAfternoon && afternoon.lateMinutes == 0 && afternoon.earlyExitMinutes == 0)
        #expect(classify(policy, "2026-03-02T13:40:00Z", "2026-03-02T17:00:00Z").lateMinutes == 40)
        #expect(classify(policy, "2026-03-02T08:00:00Z", "2026-03-02T18:00:00Z").type == .overtime)
        #expect(classify(policy, "2026-03-02T09:00:00Z", "2026-03-02T11:00:00Z").type == .short)
        let saturday = classify(policy, "2026-03-07T10:00:00Z", "2026-03-07T12:00:00Z")
        #expect(saturday.type == .overtime && saturday.lateMinutes == 0 && saturday.day == LocalDate("2026-03-07"))
        let lenient = Self.employee(settings: .init(graceMinutes: 60))
        #expect(classify(lenient, "2026-03-02T09:40:00Z", "2026-03-02T17:00:00Z").lateMinutes == 0)
    }

    @Test func inTheLocationsZoneAcrossDaylightSaving() {
        // Summer time: 09:00 in Lisbon is 08:00 UTC.
        let summer = classify(Self.employee(), "2026-04-06T08:00:00Z", "2026-04-06T16:00:00Z")
        #expect(summer.type == .fullDay && summer.lateMinutes == 0 && summer.earlyExitMinutes == 0)
        // The night the clocks go forward, a 22:00–06:00 shift lasts seven hours.
        let nights = Schedule(days: Schedule.Day.allCases, start: LocalTime("22:00")!, end: LocalTime("06:00")!)
        let short = classify(Self.employee(nights), "2026-03-28T22:00:00Z", "2026-03-29T05:00:00Z")
        #expect(short.workedMinutes == 420 && short.type == .fullDay && short.earlyExitMinutes == 0)
        #expect(short.day == LocalDate("2026-03-28"))
    }

    @Test func anOvernightShiftBelongsToTheDayItStartsOn() {
        let nights = Schedule(days: [.mon], start: LocalTime("22:00")!, end: LocalTime("06:00")!)
        let policy = Self.employee(nights)
        let onTime = classify(policy, "2026-03-02T22:00:00Z", "2026-03-03T06:00:00Z")
        #expect(onTime.day == LocalDate("2026-03-02") && onTime.type == .fullDay)
        // Arriving after midnight is still Monday's shift, and late.
        let late = classify(policy, "2026-03-02T23:30:00Z", "2026-03-03T06:00:00Z")
        #expect(late.day == LocalDate("2026-03-02") && late.lateMinutes == 90 && late.type == .fullDay)
        #expect(classify(policy, "2026-03-03T00:30:00Z", "2026-03-03T06:00:00Z").day == LocalDate("2026-03-02"))
        #expect(nights.scheduledMinutes == 480)
    }

    @Test func aVisitLeftOpenExpiresAtItsPlannedEndOrTheCap() {
        let member = AttendancePolicy(type: "member", settings: .init(), memberSchedule: nil)
        let id = UUID(), place = UUID()
        let open = Checkin(id: id, organizationID: place, resourceID: place, locationID: place,
                           checkIn: Self.at("2026-03-02T18:00:00Z"), createdAt: Self.at("2026-03-02T18:00:00Z"))
        let capped = member.expiry(of: open, in: Self.lisbon)
        #expect(capped?.stamp == Self.at("2026-03-03T06:00:00Z") && capped?.deadline == capped?.stamp)
        var planned = open
        planned.planned = TimeWindow(start: Self.at("2026-03-02T18:00:00Z"), end: Self.at("2026-03-02T19:00:00Z"))
        let atEnd = member.expiry(of: planned, in: Self.lisbon)
        #expect(atEnd?.stamp == Self.at("2026-03-02T19:00:00Z") && atEnd?.deadline == Self.at("2026-03-03T01:00:00Z"))
        // An employee's shift end is their planned end; the cap comes first by default (9 h after
        // 17:00 is later than 12 h after 09:00), two hours after it with a shorter wait.
        var shift = open
        shift.checkIn = Self.at("2026-03-02T09:00:00Z")
        let employee = Self.employee().expiry(of: shift, in: Self.lisbon)
        #expect(employee?.stamp == Self.at("2026-03-02T21:00:00Z") && employee?.deadline == Self.at("2026-03-02T21:00:00Z"))
        let prompt = Self.employee(settings: .init(autoCheckout: .init(afterHours: 2))).expiry(of: shift, in: Self.lisbon)
        #expect(prompt?.stamp == Self.at("2026-03-02T17:00:00Z") && prompt?.deadline == Self.at("2026-03-02T19:00:00Z"))
        var done = open
        done.checkOut = Self.at("2026-03-02T19:00:00Z")
        #expect(member.expiry(of: done, in: Self.lisbon) == nil)
    }
}
