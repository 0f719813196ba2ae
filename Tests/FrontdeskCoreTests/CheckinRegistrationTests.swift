import Foundation
import FrontdeskCore
import Testing

/// Registering a checkin against what the store read, and the presence a booking action implies.
@Suite struct CheckinRegistrationTests {
    static let now = Fixture.instant("2026-06-01T12:00:00Z")
    static let room = Fixture.resource(Fixture.id(0x201))
    static let booking = Fixture.booking(.confirmed, lines: [Fixture.line(1), Fixture.line(2)])

    func register(_ request: CheckinRequest, resource: Resource? = room, memberExists: Bool = true,
                  booking: Booking? = nil) throws(FrontdeskError) -> Checkin {
        try Checkin.registering(request, id: Fixture.id(0xE1), organizationID: Fixture.organizationID,
                                resource: resource, memberExists: memberExists, booking: booking, now: Self.now)
    }

    @Test func aStandaloneCheckinIsPending() throws {
        let planned = Fixture.window("2026-06-01T13:00:00Z", "2026-06-01T17:00:00Z")
        let checkin = try register(CheckinRequest(resourceID: Self.room.id, memberID: Fixture.memberID,
                                                  startsAt: planned.start, endsAt: planned.end, notes: "",
                                                  metadata: ["k": .bool(true)]))
        #expect(checkin.state == .pending && checkin.version == 1)
        #expect(checkin.planned == planned && checkin.notes == nil && checkin.metadata == ["k": .bool(true)])
        #expect(checkin.bookingID == nil && checkin.bookingLineID == nil)
        #expect(checkin.createdAt == Self.now && checkin.updatedAt == Self.now)
        let anonymous = try register(CheckinRequest(resourceID: Self.room.id), memberExists: false)
        #expect(anonymous.memberID == nil && anonymous.planned == nil)
    }

    @Test func theRequestIsValidatedOnItsOwn() {
        let t = Self.now
        #expect(validationFields { () throws(FrontdeskError) in try CheckinRequest(resourceID: Self.room.id, startsAt: t).validate() } == ["ends_at"])
        #expect(validationFields { () throws(FrontdeskError) in try CheckinRequest(resourceID: Self.room.id, endsAt: t).validate() } == ["starts_at"])
        #expect(validationFields { () throws(FrontdeskError) in try CheckinRequest(resourceID: Self.room.id, startsAt: t, endsAt: t).validate() }
                == ["ends_at"])
        #expect(validationFields { () throws(FrontdeskError) in
            try CheckinRequest(resourceID: Self.room.id, startsAt: t, endsAt: t + 401 * 86_400).validate()
        } == ["ends_at"])
    }

    @Test func whatDoesNotExistIsAFieldError() {
        #expect(validationFields { () throws(FrontdeskError) in _ = try register(CheckinRequest(resourceID: Self.room.id), resource: nil) }
                == ["resource_id"])
        #expect(validationFields { () throws(FrontdeskError) in
            _ = try register(CheckinRequest(resourceID: Self.room.id, memberID: Fixture.id(9)), memberExists: false)
        } == ["member_id"])
        #expect(validationFields { () throws(FrontdeskError) in
            _ = try register(CheckinRequest(resourceID: Self.room.id, bookingID: Fixture.id(0xD1)))
        } == ["booking_id"])
    }

    @Test func aBookingsCheckinIsItsMembersOnOneOfItsResources() throws {
        let line = Self.booking.lines[1]
        let checkin = try register(CheckinRequest(resourceID: line.resourceID, bookingID: Self.booking.id),
                                   resource: Fixture.resource(line.resourceID), booking: Self.booking)
        #expect(checkin.bookingID == Self.booking.id && checkin.bookingLineID == line.id)
        #expect(checkin.memberID == Fixture.memberID, "the booking's member when omitted")
        #expect(checkin.planned == line.window, "the line's window when none is planned")

        #expect(validationFields { () throws(FrontdeskError) in
            _ = try register(CheckinRequest(resourceID: Fixture.id(0x299), bookingID: Self.booking.id),
                             resource: Fixture.resource(Fixture.id(0x299)), booking: Self.booking)
        } == ["resource_id"])
        #expect(validationFields { () throws(FrontdeskError) in
            _ = try register(CheckinRequest(resourceID: line.resourceID, memberID: Fixture.id(9), bookingID: Self.booking.id),
                             resource: Fixture.resource(line.resourceID), booking: Self.booking)
        } == ["member_id"])
    }

    @Test func aBookingCheckInCreatesAVisitPerLineAndItsCheckOutCompletesThem() throws {
        let t = (1...4).map { Fixture.instant("2026-06-01T1\($0):00:00Z") }
        var ids = (0xF0..<0xFF).map(Fixture.id).makeIterator()
        let checkedIn = try Self.booking.applying(.checkIn, at: t[0], now: t[0])
        let created = try Checkin.following(checkedIn, from: Self.booking, linked: [], now: t[0]) { ids.next()! }
        #expect(created.count == 2)
        #expect(created.map(\.bookingLineID) == Self.booking.lines.map(\.id))
        #expect(created.allSatisfy { $0.state == .inProgress && $0.checkIn == t[0] && $0.memberID == Fixture.memberID })
        #expect(created.map(\.planned) == Self.booking.lines.map(\.window))

        let out = try checkedIn.applying(.checkOut, at: t[1], now: t[1], lineIDs: [Self.booking.lines[0].id])
        let completed = try Checkin.following(out, from: checkedIn, linked: created, now: t[1]) { ids.next()! }
        #expect(completed.map(\.id) == [created[0].id])
        #expect(completed[0].state == .complete && completed[0].checkOut == t[1] && completed[0].version == 2)

        // Nothing moved, nothing follows.
        #expect(try Checkin.following(checkedIn, from: checkedIn, linked: created, now: t[2]) { ids.next()! }.isEmpty)
    }

    @Test func aNewBookingHasVisitsOnlyWhenItStartsActive() throws {
        let t = Fixture.instant("2026-06-01T15:00:00Z")
        var ids = (0xF0..<0xFF).map(Fixture.id).makeIterator()
        #expect(try Checkin.following(Self.booking, from: nil, linked: [], now: t) { ids.next()! }.isEmpty)
        let walkIn = try Self.booking.applying(.start, at: t, now: t)
        let visits = try Checkin.following(walkIn, from: nil, linked: [], now: t) { ids.next()! }
        #expect(visits.map(\.bookingLineID) == Self.booking.lines.map(\.id))
        #expect(visits.allSatisfy { $0.state == .inProgress && $0.checkIn == t })
    }

    /// A line and its checkins carry the same stamps: a check-out of the line before its visit began
    /// is refused (422 on `at`), never stored as another time on the visit.
    @Test func aVisitThatBeganAfterTheLinesCheckOutRefusesIt() throws {
        let (t1, t2, t3) = (Fixture.instant("2026-06-01T13:00:00Z"), Fixture.instant("2026-06-01T15:00:00Z"),
                            Fixture.instant("2026-06-01T16:00:00Z"))
        let line = Self.booking.lines[0]
        let checkedIn = try Self.booking.applying(.checkIn, at: t1, now: t1, lineIDs: [line.id])
        let late = Checkin(id: Fixture.id(0xE3), organizationID: Fixture.organizationID, resourceID: line.resourceID, locationID: Fixture.locationID,
                           bookingID: Self.booking.id, bookingLineID: line.id, checkIn: t3, createdAt: t1)
        let out = try checkedIn.applying(.checkOut, at: t2, now: t3, lineIDs: [line.id])
        #expect(validationFields { () throws(FrontdeskError) in
            _ = try Checkin.following(out, from: checkedIn, linked: [late], now: t3) { UUID() }
        } == ["at"])
    }

    @Test func aPendingLinkedCheckinIsCheckedInRatherThanDuplicated() throws {
        let t = Fixture.instant("2026-06-01T15:00:00Z")
        let line = Self.booking.lines[0]
        let pending = Checkin(id: Fixture.id(0xE2), organizationID: Fixture.organizationID, resourceID: line.resourceID, locationID: Fixture.locationID,
                              bookingID: Self.booking.id, bookingLineID: line.id, createdAt: Self.now)
        let checkedIn = try Self.booking.applying(.checkIn, at: t, now: t, lineIDs: [line.id])
        let result = try Checkin.following(checkedIn, from: Self.booking, linked: [pending], now: t) {
            Issue.record("no new checkin expected")
            return UUID()
        }
        #expect(result.map(\.id) == [pending.id])
        #expect(result[0].checkIn == t && result[0].version == 2)
    }
}
