import Foundation
import FrontdeskCore
import FrontdeskEngine

/// The demo's attendance: a gym whose members tap badges, three months of their visits (regulars,
/// occasional visitors, one who stopped coming), two on the floor now; an office whose employees
/// work Monday to Friday, 09:00 to 18:00, with four weeks of their days (late arrivals, half days,
/// a long day) and those at work today. All stamped when it happened, so the dashboard's figures
/// and every member's streaks are true on the day it is loaded.
extension DemoData {
    /// Loads it; returns what it made, for the summary.
    func loadAttendance(today: LocalDate, now: Date) async throws -> String {
        let zone = Self.zone
        func at(_ offset: Int, _ minutes: Int) -> Date {
            today.adding(days: offset).instant(at: LocalTime("00:00")!, in: zone).addingTimeInterval(Double(minutes) * 60)
        }
        let schedule = Schedule(days: [.mon, .tue, .wed, .thu, .fri], start: LocalTime("09:00")!, end: LocalTime("18:00")!,
                                hoursPerDay: 8)
        _ = try await frontdesk.updateAttendanceSettings(owner, AttendanceSettingsPatch(
            allowedMemberTypes: ["member", "employee"], types: ["employee": .init(graceMinutes: 10, schedule: schedule)]))

        let gym = try await frontdesk.createLocation(owner, LocationInput(name: "Harbour Gym", timeZone: zone.identifier))
        let floor = try await frontdesk.createResource(owner, ResourceInput(
            locationID: gym.id, name: "Gym floor", kind: "gym", capacity: 80, rateAmount: 0, rateUnit: .session))
        // Name, visits a week, the hour they come, and the days since they stopped (0: still coming).
        let regulars: [(String, Int, Int, Int)] = [
            ("Rita Alves", 6, 7, 0), ("Bruno Dias", 5, 18, 0), ("Carla Sousa", 4, 12, 0), ("Diogo Pires", 3, 19, 0),
            ("Eva Martins", 2, 8, 0), ("Filipe Gomes", 1, 20, 0), ("Gabriela Reis", 4, 17, 20), ("Hugo Lima", 3, 6, 45),
        ]
        var visits = 0
        var badges: [String] = []
        for (index, (name, perWeek, hour, stopped)) in regulars.enumerated() {
            let member = try await frontdesk.createMember(owner, MemberInput(type: "member", name: name))
            // A demo loaded again (`--force`) finds its badges given out: the new members get their own.
            var badge = String(format: "GYM-%04d", index + 1)
            if try await !frontdesk.members(owner, filter: MemberFilter(code: badge), page: PageRequest(limit: 1)).items.isEmpty {
                badge += "-" + member.id.text.prefix(8)
            }
            _ = try await frontdesk.addCode(owner, member: member.id, value: badge, kind: .badge)
            badges.append(badge)
            for offset in -90 ... -max(stopped, 1) where (offset * 5 + index * 3).modulo(7) < perWeek {
                let minute: Int = (offset * 13 + index * 7).modulo(40)
                let start = hour * 60 + minute
                let visit = try await frontdesk.createCheckin(owner, CheckinRequest(
                    resourceID: floor.id, memberID: member.id, checkIn: .at(at(offset, start)), method: .kiosk,
                    device: "gym door"))
                let length: Int = 45 + (offset + index).modulo(5) * 15
                _ = try await frontdesk.checkOut(owner, visit.id, at: at(offset, start + length))
                visits += 1
            }
        }
        // Two regulars on the floor now, tapped in at the door.
        for badge in badges.prefix(2) {
            _ = try await frontdesk.scan(owner, ScanRequest(code: badge, place: .location(gym.id), device: "gym door",
                                                            at: now.addingTimeInterval(-25 * 60)))
        }

        let office = try await frontdesk.createLocation(owner, LocationInput(name: "Harbour Office", timeZone: zone.identifier))
        let space = try await frontdesk.createResource(owner, ResourceInput(
            locationID: office.id, name: "Open space", kind: "desk", capacity: 30, rateAmount: 0, rateUnit: .day))
        // Name, and how their days go: arrival and departure in minutes after 09:00 and 18:00.
        let employees: [(String, (Int) -> (Int, Int))] = [
            ("João Ferreira", { _ in (-5, 5) }),                              // on time, every day
            ("Marta Neves", { day in day.modulo(3) == 0 ? (35, 0) : (0, 10) }),  // late one day in three
            ("Nuno Cardoso", { day in day.modulo(5) == 0 ? (0, -270) : (0, 0) }),  // a half day a week
            ("Olga Ribeiro", { day in day.modulo(4) == 0 ? (-60, 90) : (-10, 0) }),  // long days
        ]
        for (name, day) in employees {
            let member = try await frontdesk.createMember(owner, MemberInput(type: "employee", name: name))
            for offset in -28...0 where today.adding(days: offset).weekday < 5 {
                let (late, stay) = day(offset)
                let arrival = at(offset, 9 * 60 + late)
                guard arrival <= now else { continue }
                let visit = try await frontdesk.createCheckin(owner, CheckinRequest(
                    resourceID: space.id, memberID: member.id, checkIn: .at(arrival), method: .rfid, device: "office door"))
                let departure = at(offset, 18 * 60 + stay)
                if departure <= now { _ = try await frontdesk.checkOut(owner, visit.id, at: departure) }
                visits += 1
            }
        }
        // What the sweeper would announce within a minute: the dashboard's engagement from the start.
        try await frontdesk.announceAttendance(limit: 1_000)
        return "\(gym.name) with \(regulars.count) members with badges and \(floor.name), "
            + "\(office.name) with \(employees.count) scheduled employees, \(visits) visits over three months"
    }
}
