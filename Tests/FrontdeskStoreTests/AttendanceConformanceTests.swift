import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// Members who attend, on every engine: their codes, the scan that toggles their visit (debounced,
/// refused for who may not attend, recorded when no one holds the code) and the settings.
@Suite("Attendance")
struct AttendanceConformanceTests {
    /// A gym: one location with its floor (one resource, so a scan at the door lands there), a member
    /// with a badge.
    struct Gym {
        let location: Location
        let floor: Resource
        let member: Member
        let badge: MemberCode

        init(_ f: StoreFixture, capacity: Int = 50) async throws {
            location = try await f.makeLocation(name: "Gym")
            floor = try await f.makeResource(at: location, name: "Floor", kind: "gym", capacity: capacity, unit: .session)
            member = try await f.frontdesk.createMember(f.owner, MemberInput(type: "member", name: "Ada Lovelace"))
            badge = try await f.frontdesk.addCode(f.owner, member: member.id, value: "BADGE-0001", kind: .badge)
        }

        func scan(_ f: StoreFixture, _ code: String? = nil, by caller: Caller? = nil) async throws -> ScanResult {
            try await f.frontdesk.scan(caller ?? f.owner, ScanRequest(code: code ?? badge.value, place: .location(location.id)))
        }
    }

    @Test(arguments: Backend.enabled)
    func aScanChecksInThenOutDebouncingARepeat(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await Gym(f)
            let kiosk = try await f.frontdesk.createKey(f.owner, name: "door", role: .kiosk)
            let arrived = try await gym.scan(f, by: Caller(key: kiosk.key))
            #expect(arrived.step == .checkIn && arrived.checkin.state == .inProgress && arrived.checkin.checkIn == f.now)
            #expect(arrived.checkin.memberID == gym.member.id && arrived.checkin.resourceID == gym.floor.id)
            #expect(arrived.checkin.locationID == gym.location.id && arrived.checkin.version == 1)
            // The member's statistics count the scan, as their attendance reads them.
            #expect(arrived.memberStats?.totalVisits == 1 && arrived.memberStats?.currentStreak == 1)
            #expect(arrived.memberStats == (try await f.frontdesk.memberAttendance(f.owner, gym.member.id)))

            f.clock.advance(by: 30)
            let again = await expectError("scan_debounced") { try await gym.scan(f) }
            guard case .scanDebounced(let visit, let until)? = again else { return }
            #expect(visit == arrived.checkin.id && until == arrived.checkin.checkIn! + 60)
            #expect(try await f.allEvents().map(\.type) == [.checkinCreated, .checkinStarted])

            f.clock.advance(by: 31)
            let left = try await gym.scan(f)
            #expect(left.step == .checkOut && left.checkin.id == arrived.checkin.id && left.checkin.checkOut == f.now)
            #expect(try await f.allEvents().map(\.type)
                == [.checkinCreated, .checkinStarted, .checkoutStarted, .checkoutCompleted])
            #expect(try await f.frontdesk.checkinAudit(f.owner, left.checkin.id).map(\.action) == ["scan", "scan"])
            #expect(try await f.frontdesk.checkin(f.owner, left.checkin.id) == left.checkin)

            f.clock.advance(by: 61)
            let back = try await gym.scan(f)
            #expect(back.step == .checkIn && back.checkin.id != arrived.checkin.id && back.memberStats?.totalVisits == 2)
            #expect(try await f.allCheckins().count == 2)
        }
    }

    @Test(arguments: Backend.enabled)
    func aCodeNoMemberHoldsIsRecordedAndRefused(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await Gym(f)
            _ = try await f.frontdesk.addCode(f.owner, member: gym.member.id, value: "OLD-7", kind: .qr,
                                              expiresAt: f.now + 3_600)
            await expectError("code_not_found") { try await gym.scan(f, "NOBODY") }
            f.clock.advance(by: 3_600)
            await expectError("code_not_found") { try await gym.scan(f, "OLD-7") }
            let events = try await f.allEvents()
            #expect(events.map(\.type) == [.checkinFailed, .checkinFailed])
            let data = try #require(try JSONSerialization.jsonObject(with: events[0].data) as? [String: String])
            #expect(data == ["code": "NOBODY", "location_id": gym.location.id.text, "reason": "code_not_found"])
            #expect(try await f.allCheckins().isEmpty)

            try await f.frontdesk.deleteMember(f.owner, gym.member.id)
            await expectError("code_not_found") { try await gym.scan(f) }
        }
    }

    @Test(arguments: Backend.enabled)
    func whoMayNotAttendIsRefusedButMayLeave(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await Gym(f)
            _ = try await f.frontdesk.updateAttendanceSettings(f.owner, AttendanceSettingsPatch(scanDebounceSeconds: 0))
            let inside = try await gym.scan(f)
            _ = try await f.frontdesk.updateMember(f.owner, gym.member.id, MemberInput(status: .paused))
            let left = try await gym.scan(f)
            #expect(left.step == .checkOut && left.checkin.id == inside.checkin.id)
            await expectError("member_inactive") { try await gym.scan(f) }

            _ = try await f.frontdesk.updateMember(f.owner, gym.member.id, MemberInput(status: .active, attendanceEnabled: false))
            await expectError("attendance_not_enabled") { try await gym.scan(f) }
            _ = try await f.frontdesk.updateMember(f.owner, gym.member.id, MemberInput(attendanceEnabled: true))

            _ = try await f.frontdesk.updateAttendanceSettings(
                f.owner, AttendanceSettingsPatch(allowedMemberTypes: ["employee", "student"]))
            let refused = await expectError("member_type_not_allowed") { try await gym.scan(f) }
            #expect(refused?.status == 422 && refused?.detail.contains("employee, student") == true)
            #expect(try await f.allCheckins().count == 1)

            _ = try await f.frontdesk.updateAttendanceSettings(f.owner, AttendanceSettingsPatch(allowedMemberTypes: ["*"]))
            #expect(try await gym.scan(f).step == .checkIn)
        }
    }

    @Test(arguments: Backend.enabled)
    func aScanLandsOnOneResource(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await Gym(f, capacity: 1)
            let pool = try await f.makeResource(at: gym.location, name: "Pool", kind: "pool", capacity: 1, unit: .session)
            let ambiguous = await expectError("validation_failed") { try await gym.scan(f) }
            #expect(ambiguous?.detail.contains("Floor, Pool") == true)

            let swim = try await f.frontdesk.scan(f.owner, ScanRequest(code: gym.badge.value, place: .resource(pool.id)))
            #expect(swim.step == .checkIn && swim.checkin.resourceID == pool.id)
            // Out of the visit in progress anywhere in the location, when scanned at its door.
            f.clock.advance(by: 120)
            let left = try await gym.scan(f)
            #expect(left.step == .checkOut && left.checkin.id == swim.checkin.id)

            let other = try await f.frontdesk.createMember(f.owner, MemberInput(name: "Grace Hopper"))
            _ = try await f.frontdesk.addCode(f.owner, member: other.id, value: "BADGE-0002", kind: .rfid)
            f.clock.advance(by: 61)
            _ = try await f.frontdesk.scan(f.owner, ScanRequest(code: "BADGE-0001", place: .resource(pool.id)))
            await expectError("resource_occupied") {
                try await f.frontdesk.scan(f.owner, ScanRequest(code: "BADGE-0002", place: .resource(pool.id)))
            }
            await expectError("validation_failed") {
                try await f.frontdesk.scan(f.owner, ScanRequest(code: "BADGE-0002", place: .location(UUID())))
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func aScanEndsABookingsVisitAsItsCheckOutDoes(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await Gym(f)
            let booking = try await f.book(gym.member, gym.floor, hours(0, 2))
            f.clock.advance(by: 600)
            _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id))
            f.clock.advance(by: 3_600)
            let left = try await gym.scan(f)
            #expect(left.step == .checkOut && left.checkin.bookingID == booking.id)
            let after = try await f.frontdesk.booking(f.owner, .id(booking.id))
            #expect(after.status == .completed && after.lines[0].checkedOutAt == left.checkin.checkOut)
        }
    }

    @Test(arguments: Backend.enabled)
    func codesAreGivenListedFoundAndWithdrawn(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await Gym(f)
            let card = try await f.frontdesk.addCode(f.owner, member: gym.member.id, value: "M-42", kind: .membership)
            #expect(try await f.frontdesk.codes(f.owner, member: gym.member.id) == [gym.badge, card])
            let other = try await f.frontdesk.createMember(f.owner, MemberInput(name: "Grace Hopper", externalRef: "crm-9"))
            await expectError("code_taken") {
                try await f.frontdesk.addCode(f.owner, member: other.id, value: "M-42", kind: .badge)
            }
            await expectError("not_found") { try await f.frontdesk.addCode(f.owner, member: UUID(), value: "X", kind: .qr) }
            await expectError("validation_failed") {
                try await f.frontdesk.addCode(f.owner, member: other.id, value: " padded", kind: .qr)
            }

            func found(_ filter: MemberFilter) async throws -> [UUID] {
                try await f.frontdesk.members(f.owner, filter: filter, page: PageRequest(limit: 10)).items.map(\.id)
            }
            #expect(try await found(MemberFilter(code: "M-42")) == [gym.member.id])
            #expect(try await found(MemberFilter(externalRef: "crm-9")) == [other.id])
            #expect(try await found(MemberFilter(code: "m-42")).isEmpty)

            try await f.frontdesk.deleteCode(f.owner, member: gym.member.id, card.id)
            await expectError("not_found") { try await f.frontdesk.deleteCode(f.owner, member: gym.member.id, card.id) }
            #expect(try await f.frontdesk.addCode(f.owner, member: other.id, value: "M-42", kind: .badge).memberID == other.id)

            // Another organization sees none of it.
            let stranger = try await f.makeOrganization()
            await expectError("not_found") { try await f.frontdesk.codes(stranger, member: gym.member.id) }
            let elsewhere = try await f.makeLocation(stranger, name: "Elsewhere")
            _ = try await f.makeResource(stranger, at: elsewhere)
            await expectError("code_not_found") {
                try await f.frontdesk.scan(stranger, ScanRequest(code: gym.badge.value, place: .location(elsewhere.id)))
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func settingsHaveDefaultsAndRefuseNonsenseWholly(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            #expect(try await f.frontdesk.attendanceSettings(f.owner) == AttendanceSettings())
            let changed = try await f.frontdesk.updateAttendanceSettings(f.owner, AttendanceSettingsPatch(scanDebounceSeconds: 5))
            #expect(changed == AttendanceSettings(scanDebounceSeconds: 5))
            for bad in [AttendanceSettingsPatch(scanDebounceSeconds: -1, allowedMemberTypes: ["member"]),
                        AttendanceSettingsPatch(allowedMemberTypes: []),
                        AttendanceSettingsPatch(allowedMemberTypes: ["*", "member"]),
                        AttendanceSettingsPatch(allowedMemberTypes: ["a", "a"])] {
                await expectError("validation_failed") { try await f.frontdesk.updateAttendanceSettings(f.owner, bad) }
            }
            #expect(try await f.frontdesk.attendanceSettings(f.owner) == changed)
            let viewer = try await f.frontdesk.createKey(f.owner, name: "viewer", role: .viewer)
            #expect(try await f.frontdesk.attendanceSettings(Caller(key: viewer.key)) == changed)
            await expectError("forbidden") {
                try await f.frontdesk.updateAttendanceSettings(Caller(key: viewer.key), AttendanceSettingsPatch())
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func aMembersStatusAndAttendanceAreKept(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let created = try await f.frontdesk.createMember(f.owner, MemberInput(name: "Ada", status: .expired,
                                                                                  attendanceEnabled: false))
            #expect(created.status == .expired && !created.attendanceEnabled)
            #expect(try await f.frontdesk.member(f.owner, created.id) == created)
            let plain = try await f.makeMember()
            #expect(plain.status == .active && plain.attendanceEnabled)
        }
    }
}

/// A member is in one place once: one visit in progress in a location outside bookings, or as many
/// as their type allows; a booking's visits are the booking's.
@Suite("Open visits")
struct OpenVisitsConformanceTests {
    @Test(arguments: Backend.enabled)
    func aSecondVisitOfAMemberInALocationIsRefusedNamingTheFirst(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let desks = [try await f.makeResource(at: location, name: "Desk 1"), try await f.makeResource(at: location, name: "Desk 2")]
            let elsewhere = try await f.makeResource(at: try await f.makeLocation(name: "Annex"), name: "Desk 9")
            let member = try await f.frontdesk.createMember(f.owner, MemberInput(type: "employee", name: "Ada"))
            func arrive(_ desk: Resource) async throws -> Checkin {
                try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: desk.id, memberID: member.id, checkIn: .now))
            }
            let first = try await arrive(desks[0])
            let second = await expectError("duplicate_checkin") { try await arrive(desks[1]) }
            guard case .alreadyInside(let who, let visits)? = second else { return }
            #expect(who == member.id && visits == [first.id])
            let pending = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: desks[1].id, memberID: member.id))
            await expectError("duplicate_checkin") { try await f.frontdesk.checkIn(f.owner, pending.id) }
            #expect(try await arrive(elsewhere).state == .inProgress)  // another location
            #expect(try await f.allCheckins(filter: CheckinFilter(states: [.inProgress])).count == 2)

            _ = try await f.frontdesk.updateAttendanceSettings(f.owner, AttendanceSettingsPatch(
                types: ["employee": AttendanceSettings.TypeSettings(openVisits: 2)]))
            #expect(try await f.frontdesk.checkIn(f.owner, pending.id).state == .inProgress)
            _ = try await f.frontdesk.checkOut(f.owner, first.id)
            #expect(try await arrive(desks[0]).state == .inProgress)
        }
    }

    @Test(arguments: Backend.enabled)
    func aBookingsVisitsAreTheBookings(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let rooms = [try await f.makeResource(at: location, name: "101"), try await f.makeResource(at: location, name: "102")]
            let member = try await f.makeMember()
            let booking = try await f.book(member, rooms, hours(0, 24))
            let checkedIn = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id))
            #expect(checkedIn.status == .checkedIn)
            #expect(try await f.allCheckins(filter: CheckinFilter(states: [.inProgress])).count == 2)
            // A walk-in of the same guest beside the booking's visits: theirs are the booking's.
            let walkIn = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(
                resourceID: try await f.makeResource(at: location, name: "Bar", capacity: 20).id, memberID: member.id,
                checkIn: .now))
            #expect(walkIn.state == .inProgress)
        }
    }

    @Test(arguments: Backend.enabled)
    func aVisitRegisteredCheckedInRecordsHowItArrived(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await f.makeResource(at: try await f.makeLocation())
            f.clock.advance(by: 600)
            let visit = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(
                resourceID: desk.id, checkIn: .at(f.now - 120), method: .mobileApp, device: "phone-7",
                geo: GeoPoint(latitude: 38.72, longitude: -9.14, accuracy: 12.5)))
            #expect(visit.state == .inProgress && visit.checkIn == f.now - 120 && visit.version == 1)
            #expect(visit.method == .mobileApp && visit.device == "phone-7" && visit.geo?.accuracy == 12.5)
            #expect(try await f.frontdesk.checkin(f.owner, visit.id) == visit)
            #expect(try await f.allEvents().map(\.type) == [.checkinCreated, .checkinStarted])

            for bad in [CheckinRequest(resourceID: desk.id, checkIn: .at(f.now + 3_600)),
                        CheckinRequest(resourceID: desk.id, geo: GeoPoint(latitude: 91, longitude: 0)),
                        CheckinRequest(resourceID: desk.id, bookingID: UUID(), checkIn: .now)] {
                await expectError("validation_failed") { try await f.frontdesk.createCheckin(f.owner, bad) }
            }
            #expect(try await f.allCheckins().count == 1)
        }
    }
}

/// An offline device's scans: applied in the order of their stamps, each nonce answered once,
/// a scan older than the latest stamp toggling nothing.
@Suite("Offline scans")
struct OfflineScanConformanceTests {
    @Test(arguments: Backend.enabled)
    func aBatchIsAppliedInStampOrderAndSentAgainSafely(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await AttendanceConformanceTests.Gym(f)
            f.clock.advance(by: 4 * 3_600)
            func scan(_ minutesAgo: Double, _ nonce: String, code: String? = nil) -> BatchScan {
                BatchScan(request: ScanRequest(code: code ?? gym.badge.value, place: .location(gym.location.id),
                                               device: "door-2", at: f.now - minutesAgo * 60), nonce: nonce)
            }
            // Sent out of order: in at 3 h ago, out at 2 h ago, a tap 10 s later (debounced), an unknown badge.
            let batch = [scan(120, "n2"), scan(180, "n1"), scan(119.9, "n3"), scan(60, "n4", code: "LOST")]
            let answers = try await f.frontdesk.scanBatch(f.owner, batch)
            #expect(answers.map(\.nonce) == ["n2", "n1", "n3", "n4"])
            #expect(answers.map(\.status) == [200, 200, 429, 404])
            #expect(answers[1].step == .checkIn && answers[0].step == .checkOut && answers[0].checkinID == answers[1].checkinID)
            #expect(answers[2].code == "scan_debounced" && answers[3].code == "code_not_found")
            let visit = try await f.frontdesk.checkin(f.owner, try #require(answers[0].checkinID))
            #expect(visit.checkIn == f.now - 180 * 60 && visit.checkOut == f.now - 120 * 60 && visit.device == "door-2")

            // The same batch again: the same answers, nothing applied twice.
            let events = try await f.allEvents().count
            #expect(try await f.frontdesk.scanBatch(f.owner, batch) == answers)
            let (eventsAfter, visits) = (try await f.allEvents().count, try await f.allCheckins().count)
            #expect(eventsAfter == events && visits == 1)

            // A scan stamped before the member's latest stamp toggles nothing.
            let late = try await f.frontdesk.scanBatch(f.owner, [scan(150, "n5")])
            #expect(late[0].step == .stale && late[0].checkinID == visit.id)
            #expect(try await f.allCheckins().count == 1)

            for bad in [[scan(1, "x"), scan(2, "x")], [BatchScan(request: ScanRequest(code: "B", place: .location(gym.location.id)), nonce: "y")],
                        [BatchScan(request: ScanRequest(code: "B", place: .location(gym.location.id), at: f.now + 3_600), nonce: "z")]] {
                await expectError("validation_failed") { try await f.frontdesk.scanBatch(f.owner, bad) }
            }
        }
    }
}

/// A location that keeps members in one place at a time checks them out elsewhere as they scan in.
@Suite("One place at a time")
struct OnePlaceConformanceTests {
    @Test(arguments: Backend.enabled)
    func scanningInHereChecksOutOfElsewhereFirst(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await AttendanceConformanceTests.Gym(f)
            let pool = try await f.frontdesk.createLocation(f.owner, LocationInput(name: "Pool", onePlaceAtATime: true))
            let reread = try await f.frontdesk.location(f.owner, pool.id)
            #expect(pool.onePlaceAtATime && reread.onePlaceAtATime)
            let lanes = try await f.makeResource(at: pool, name: "Lanes", capacity: 8)
            let atGym = try await gym.scan(f)
            f.clock.advance(by: 1_800)
            let swim = try await f.frontdesk.scan(f.owner, ScanRequest(code: gym.badge.value, place: .location(pool.id)))
            #expect(swim.step == .checkIn && swim.checkin.resourceID == lanes.id)
            let left = try await f.frontdesk.checkin(f.owner, atGym.checkin.id)
            #expect(left.checkOut == swim.checkin.checkIn && left.attendance?.workedMinutes == 30)
            #expect(try await f.frontdesk.checkinAudit(f.owner, left.id).last?.reason == "checked in elsewhere")
            // The gym keeps no such rule: back at the gym, the pool visit stays open.
            f.clock.advance(by: 1_800)
            _ = try await gym.scan(f)
            #expect(try await f.frontdesk.checkin(f.owner, swim.checkin.id).state == .inProgress)
            let updated = try await f.frontdesk.updateLocation(f.owner, pool.id, LocationInput(onePlaceAtATime: false))
            #expect(!updated.onePlaceAtATime)
        }
    }
}
