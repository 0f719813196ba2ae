import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// Detection on every engine: a member's visit is classified when it finishes, by whichever path,
/// and the sweeper closes visits left open at their planned end or at the cap.
@Suite("Detection")
struct DetectionConformanceTests {
    /// An office in Lisbon whose employees work Monday to Friday, 09:00 to 17:00. The fixture's
    /// clock starts on Monday 2026-06-01 at 00:00 UTC, 01:00 in Lisbon.
    struct Office {
        let location: Location
        let desk: Resource
        let employee: Member

        init(_ f: StoreFixture) async throws {
            location = try await f.makeLocation(name: "Office", timeZone: "Europe/Lisbon")
            desk = try await f.makeResource(at: location, name: "Open space", kind: "desk", capacity: 40, unit: .day)
            let schedule = Schedule(days: [.mon, .tue, .wed, .thu, .fri], start: LocalTime("09:00")!, end: LocalTime("17:00")!)
            employee = try await f.frontdesk.createMember(f.owner, MemberInput(type: "employee", name: "Ada", schedule: schedule))
        }

        func arrive(_ f: StoreFixture, member: Member? = nil) async throws -> Checkin {
            try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: desk.id, memberID: (member ?? employee).id,
                                                                        checkIn: .now))
        }
    }

    @Test(arguments: Backend.enabled)
    func aFinishedVisitIsClassifiedAgainstTheSchedule(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let office = try await Office(f)
            f.clock.advance(by: 8 * 3_600 + 40 * 60)  // 09:40 in Lisbon
            let visit = try await office.arrive(f)
            #expect(visit.attendance == nil)
            f.clock.advance(by: 6 * 3_600 + 50 * 60)  // 16:30
            let done = try await f.frontdesk.checkOut(f.owner, visit.id)
            let attendance = try #require(done.attendance)
            #expect(attendance.type == .fullDay && attendance.workedMinutes == 410)
            #expect(attendance.lateMinutes == 40 && attendance.earlyExitMinutes == 30 && !attendance.autoCheckedOut)
            #expect(attendance.day == LocalDate("2026-06-01"))
            #expect(try await f.frontdesk.checkin(f.owner, visit.id) == done)
            let last = try #require(try await f.allEvents().last)
            #expect(last.type == .checkoutCompleted && sameJSON(last.data, DomainJSON.encode(done)))

            // Undone, it is no longer finished; checked out again, classified anew.
            let reverted = try await f.frontdesk.revertCheckin(f.owner, visit.id, reason: "left the badge")
            let reread = try await f.frontdesk.checkin(f.owner, visit.id)
            #expect(reverted.attendance == nil && reread.attendance == nil)
            f.clock.advance(by: 30 * 60)  // 17:00
            #expect(try await f.frontdesk.checkOut(f.owner, visit.id).attendance?.earlyExitMinutes == 0)
        }
    }

    @Test(arguments: Backend.enabled)
    func aScanOutIsClassifiedAndABookingsVisitIsNot(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let office = try await Office(f)
            _ = try await f.frontdesk.addCode(f.owner, member: office.employee.id, value: "E-1", kind: .rfid)
            f.clock.advance(by: 8 * 3_600)  // 09:00
            let scan = ScanRequest(code: "E-1", place: .location(office.location.id))
            _ = try await f.frontdesk.scan(f.owner, scan)
            f.clock.advance(by: 4 * 3_600)  // 13:00
            let out = try await f.frontdesk.scan(f.owner, scan)
            #expect(out.step == .checkOut && out.checkin.attendance?.type == .halfDayMorning)
            #expect(out.checkin.method == .rfid)

            let booking = try await f.book(office.employee, office.desk, hours(12, 20))
            _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id))
            f.clock.advance(by: 3_600)
            _ = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(booking.id))
            let visits = try await f.allCheckins(filter: CheckinFilter(bookingID: booking.id))
            #expect(visits.count == 1 && visits[0].state == .complete && visits[0].attendance == nil)
        }
    }

    @Test(arguments: Backend.enabled)
    func theSweeperClosesVisitsLeftOpen(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let office = try await Office(f)
            let gym = try await f.frontdesk.createMember(f.owner, MemberInput(type: "member", name: "Grace"))
            let annex = try await f.makeResource(at: try await f.makeLocation(name: "Annex"), name: "Hall", capacity: 10)
            f.clock.advance(by: 8 * 3_600)  // 09:00 in Lisbon
            let forgotten = try await office.arrive(f)
            let planned = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(
                resourceID: annex.id, memberID: gym.id, startsAt: f.now, endsAt: f.now + 3_600, checkIn: .now))
            let anonymous = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: annex.id, checkIn: .now))

            f.clock.advance(by: 6 * 3_600)  // the member's visit: 6 h past its planned end at 10:00 (UTC 09:00)
            #expect(try await f.frontdesk.sweep() == 0)
            f.clock.advance(by: 3_600)
            #expect(try await f.frontdesk.sweep() == 1)
            let closed = try await f.frontdesk.checkin(f.owner, planned.id)
            #expect(closed.checkOut == planned.planned?.end && closed.attendance?.autoCheckedOut == true)
            #expect(closed.attendance?.type == .fullDay)
            let events = try await f.allEvents().filter { $0.entityID == planned.id }.map(\.type)
            #expect(events == [.checkinCreated, .checkinStarted, .checkoutStarted, .checkoutCompleted, .sessionExpired])
            #expect(try await f.frontdesk.checkinAudit(f.owner, planned.id).last?.actor.type == "system")

            // The employee: at the cap, 12 hours after arriving (before 9 hours past 17:00).
            f.clock.advance(by: 5 * 3_600)
            #expect(try await f.frontdesk.sweep() == 1)
            let capped = try await f.frontdesk.checkin(f.owner, forgotten.id)
            #expect(capped.checkOut == forgotten.checkIn! + 12 * 3_600 && capped.attendance?.type == .overtime)
            // A visit of no one is no one's attendance: left to the desk.
            #expect(try await f.frontdesk.checkin(f.owner, anonymous.id).state == .inProgress)
        }
    }

    @Test(arguments: Backend.enabled)
    func theBatchCallClosesWhatHadExpiredByThen(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let office = try await Office(f)
            let gym = try await f.frontdesk.createMember(f.owner, MemberInput(type: "member", name: "Grace"))
            _ = try await office.arrive(f)
            let member = try await office.arrive(f, member: gym)
            f.clock.advance(by: 13 * 3_600)
            // An employee arriving at 00:00 UTC expires at the cap, 12:00 UTC: after `before`.
            let employees = try await f.frontdesk.checkOutExpired(f.owner, before: f.now - 2 * 3_600, memberType: "employee")
            #expect(employees.isEmpty)
            let closed = try await f.frontdesk.checkOutExpired(f.owner, memberType: "member")
            #expect(closed.map(\.id) == [member.id] && closed[0].checkOut == member.checkIn! + 12 * 3_600)
            await expectError("validation_failed") { try await f.frontdesk.checkOutExpired(f.owner, before: f.now + 3_600) }
            await expectError("validation_failed") { try await f.frontdesk.checkOutExpired(f.owner, limit: 0) }
            let viewer = try await f.frontdesk.createKey(f.owner, name: "viewer", role: .viewer)
            await expectError("forbidden") { try await f.frontdesk.checkOutExpired(Caller(key: viewer.key)) }
            #expect(try await f.frontdesk.checkOutExpired(f.owner).count == 1)
        }
    }

    @Test(arguments: Backend.enabled)
    func typeSettingsAreMergedDeeply(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            _ = try await f.frontdesk.updateAttendanceSettings(f.owner, AttendanceSettingsPatch(types: [
                "employee": .init(graceMinutes: 5, autoCheckout: .init(afterHours: 2, maxSessionHours: 14)),
            ]))
            let merged = try await f.frontdesk.updateAttendanceSettings(f.owner, AttendanceSettingsPatch(types: [
                "employee": .init(openVisits: 2, autoCheckout: .init(afterHours: 3)),
            ]))
            #expect(merged.types["employee"] == .init(openVisits: 2, graceMinutes: 5,
                                                       autoCheckout: .init(afterHours: 3, maxSessionHours: 14)))
            await expectError("validation_failed") {
                try await f.frontdesk.updateAttendanceSettings(f.owner, AttendanceSettingsPatch(types: [
                    "member": .init(overtimeHours: 1, fullDayHours: 2),
                ]))
            }
            #expect(try await f.frontdesk.attendanceSettings(f.owner) == merged)
        }
    }
}

/// Statistics and occupancy, read on every engine.
@Suite("Attendance statistics")
struct AttendanceStatisticsConformanceTests {
    @Test(arguments: Backend.enabled)
    func aMembersVisitsMakeTheirStatistics(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await f.makeResource(at: try await f.makeLocation(name: "Gym", timeZone: "America/New_York"),
                                               name: "Floor", capacity: 50)
            let member = try await f.frontdesk.createMember(f.owner, MemberInput(type: "member", name: "Ada"))
            // Three evenings in a row in New York (22:00 UTC is 18:00 there), 90 minutes each.
            f.clock.advance(by: 22 * 3_600)
            for _ in 0..<3 {
                let visit = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: gym.id, memberID: member.id,
                                                                                       checkIn: .now))
                f.clock.advance(by: 90 * 60)
                _ = try await f.frontdesk.checkOut(f.owner, visit.id)
                f.clock.advance(by: 24 * 3_600 - 90 * 60)
            }
            let stats = try await f.frontdesk.memberAttendance(f.owner, member.id)
            #expect(stats.totalVisits == 3 && stats.uniqueDays == 3 && stats.currentStreak == 3 && stats.longestStreak == 3)
            #expect(stats.averageMinutes == 90 && stats.favoriteTimeSlot == .evening && stats.engagement == .occasional)
            #expect(stats.lastVisitDay == LocalDate("2026-06-03"))
            await expectError("not_found") { try await f.frontdesk.memberAttendance(f.owner, UUID()) }
            let kiosk = try await f.frontdesk.createKey(f.owner, name: "door", role: .kiosk)
            await expectError("forbidden") { try await f.frontdesk.memberAttendance(Caller(key: kiosk.key), member.id) }
        }
    }

    @Test(arguments: Backend.enabled)
    func occupancyCountsWhoIsInNow(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await f.makeLocation(name: "Gym"), office = try await f.makeLocation(name: "Office")
            let floor = try await f.makeResource(at: gym, name: "Floor", capacity: 50)
            let desk = try await f.makeResource(at: office, name: "Desk", capacity: 5)
            let member = try await f.frontdesk.createMember(f.owner, MemberInput(type: "member", name: "Ada"))
            let employee = try await f.frontdesk.createMember(f.owner, MemberInput(type: "employee", name: "Grace"))
            for (resource, who) in [(floor, member.id), (floor, nil), (desk, employee.id)] as [(Resource, UUID?)] {
                _ = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: resource.id, memberID: who, checkIn: .now))
            }
            let left = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: desk.id, checkIn: .now))
            _ = try await f.frontdesk.checkOut(f.owner, left.id)

            let all = try await f.frontdesk.occupancy(f.owner)
            #expect(all.total == 3 && all.visits.count == 3)
            #expect(all.byLocation.map { "\($0.name ?? ""):\($0.count)" } == ["Gym:2", "Office:1"])
            #expect(all.byMemberType.map { "\($0.key):\($0.count)" } == ["employee:1", "member:1", "none:1"])
            let inGym = try await f.frontdesk.occupancy(f.owner, locationID: gym.id)
            #expect(inGym.total == 2 && inGym.byResource.map(\.key) == [floor.id.text])
        }
    }
}

/// The dashboard of a period and a member's months, on every engine.
@Suite("Attendance dashboard")
struct AttendanceDashboardConformanceTests {
    @Test(arguments: Backend.enabled)
    func aPeriodIsTotalledByDaySlotAndMember(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation(name: "Gym")
            let floor = try await f.makeResource(at: location, name: "Floor", capacity: 50)
            let elsewhere = try await f.makeResource(at: try await f.makeLocation(name: "Pool"), name: "Lanes", capacity: 8)
            let ada = try await f.frontdesk.createMember(f.owner, MemberInput(type: "member", name: "Ada"))
            let bo = try await f.frontdesk.createMember(f.owner, MemberInput(type: "member", name: "Bo"))
            // Ada: mornings on days 1–5 of June; Bo: one evening on day 2, at the pool; from day 20 on, nothing.
            func visit(_ member: Member, _ resource: Resource, day: Int, hour: Double) async throws {
                let start = f.now + Double(day) * 86_400 + hour * 3_600
                let made = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(
                    resourceID: resource.id, memberID: member.id, checkIn: .at(start - 40 * 86_400)))
                _ = try await f.frontdesk.checkOut(f.owner, made.id, at: start - 40 * 86_400 + 3_600)
            }
            f.clock.advance(by: 40 * 86_400)
            for day in 0..<5 { try await visit(ada, floor, day: day, hour: 8) }
            try await visit(bo, elsewhere, day: 1, hour: 19)
            let start = f.now - 40 * 86_400
            let board = try await f.frontdesk.attendanceDashboard(f.owner, from: start, to: start + 20 * 86_400)
            #expect(board.totalVisits == 6 && board.uniqueMembers == 2 && board.visitMinutes == 360)
            #expect(board.daily.map(\.visits) == [1, 2, 1, 1, 1] && board.daily[1].members == 2)
            #expect(board.timeSlots == [.morning: 5, .evening: 1])
            #expect(board.topMembers.map(\.name) == ["Ada", "Bo"] && board.topMembers[0].visits == 5)
            // Engagement as evaluated: none before the sweeper's first look; both long gone now.
            #expect(board.engagement.isEmpty && board.atRiskMembers.isEmpty)
            try await f.frontdesk.announceAttendance()
            let evaluated = try await f.frontdesk.attendanceDashboard(f.owner, from: start, to: start + 20 * 86_400)
            #expect(evaluated.engagement == [.dormant: 2] && evaluated.totalVisits == 6)
            let gymOnly = try await f.frontdesk.attendanceDashboard(f.owner, from: start, to: start + 20 * 86_400,
                                                                    locationID: location.id)
            #expect(gymOnly.totalVisits == 5 && gymOnly.uniqueMembers == 1)
            await expectError("validation_failed") {
                try await f.frontdesk.attendanceDashboard(f.owner, from: start, to: start + 400 * 86_400)
            }
            let months = try await f.frontdesk.memberAttendanceHistory(f.owner, ada.id)
            #expect(months.map(\.month) == ["2026-06"] && months[0].visits == 5 && months[0].days == 5 && months[0].minutes == 300)
        }
    }
}
