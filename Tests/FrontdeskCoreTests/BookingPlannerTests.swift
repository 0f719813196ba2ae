import Foundation
import FrontdeskCore
import Testing

/// Conflicts, prices and walk-in stamps of a new booking.
@Suite struct BookingPlannerTests {
    static let now = Fixture.instant("2026-05-20T08:15:00.250Z")
    static let paris = Fixture.zone("Europe/Paris")
    static let room = Fixture.id(0x301)
    static let bike = Fixture.id(0x302)
    static let desk = Fixture.id(0x303)
    /// Two nights in Paris: 2026-06-01 14:00 CEST to 2026-06-03 11:00 CEST.
    static let stay = Fixture.window("2026-06-01T12:00:00Z", "2026-06-03T09:00:00Z")

    static func held(_ number: String, _ window: TimeWindow = stay) -> HeldLine {
        HeldLine(bookingNumber: number, window: window)
    }

    static func bookable(_ id: UUID, capacity: Int = 1, rate: Int = 12_000, unit: RateUnit = .night,
                         status: Resource.Status = .active, held: [HeldLine] = []) -> BookableResource {
        BookableResource(resource: Fixture.resource(id, capacity: capacity, rate: rate, unit: unit, status: status),
                         timeZone: paris, held: held)
    }

    static func plan(_ lines: [BookingRequest.Line], _ resources: [BookableResource],
                     status: BookingStatus = .confirmed, memberName: String? = "Priya Mehta") throws(FrontdeskError) -> Booking {
        let request = BookingRequest(memberID: Fixture.memberID, lines: lines, status: status, source: .web,
                                     notes: "late arrival")
        return try BookingPlanner.plan(
            request, id: Fixture.id(0xE1), lineIDs: lines.indices.map { Fixture.id(0xE10 + $0) },
            organization: Fixture.organization(), resources: Dictionary(uniqueKeysWithValues: resources.map { ($0.resource.id, $0) }),
            memberName: memberName, now: now)
    }

    static func line(_ resource: UUID, _ window: TimeWindow = stay) -> BookingRequest.Line {
        BookingRequest.Line(resourceID: resource, window: window)
    }

    // MARK: conflicts

    @Test func exclusiveResourceListsEveryBookingInTheWay() {
        let r = Self.bookable(Self.room, held: [
            Self.held("BK-2026-0031"),
            Self.held("BK-2026-0004", Fixture.window("2026-05-30T12:00:00Z", "2026-06-02T09:00:00Z")),
            Self.held("BK-2026-0031", Fixture.window("2026-06-02T12:00:00Z", "2026-06-04T09:00:00Z")),
            Self.held("BK-2026-0099", Fixture.window("2026-06-03T09:00:00Z", "2026-06-05T09:00:00Z")),  // touches
        ])
        let error = thrownError { () throws(FrontdeskError) in try Self.plan([Self.line(Self.room)], [r]) }
        #expect(error == .bookingConflict([BookingConflict(resourceID: Self.room, resourceName: "Room 301",
                                                           bookingNumbers: ["BK-2026-0004", "BK-2026-0031"])]))
        #expect(error?.code == "booking_conflict")
        #expect(error?.status == 409)
    }

    @Test func touchingBookingsDoNotConflict() throws {
        let r = Self.bookable(Self.room, held: [
            Self.held("BK-2026-0001", Fixture.window("2026-05-30T12:00:00Z", "2026-06-01T12:00:00Z")),
            Self.held("BK-2026-0002", Fixture.window("2026-06-03T09:00:00Z", "2026-06-05T09:00:00Z")),
        ])
        let b = try Self.plan([Self.line(Self.room)], [r])
        #expect(b.lines.count == 1)
    }

    @Test("capacity 3: two held fit, three held refuse", arguments: [(2, true), (3, false)])
    func sharedCapacity(heldCount: Int, fits: Bool) {
        let numbers = (1...heldCount).map { String(format: "BK-2026-%04d", 10 - $0) }
        let r = Self.bookable(Self.desk, capacity: 3, held: numbers.map { Self.held($0) })
        let result = Result { () throws(FrontdeskError) in try Self.plan([Self.line(Self.desk)], [r]) }
        switch result {
        case .success:
            #expect(fits)
        case .failure(let error):
            #expect(!fits)
            #expect(error == .bookingConflict([BookingConflict(resourceID: Self.desk, resourceName: "Room 303",
                                                               bookingNumbers: numbers.sorted())]))
        }
    }

    @Test func capacityIsCountedAtTheSameInstantNotOverTheWindow() throws {
        // Three bookings one after the other never hold more than one place at once.
        let r = Self.bookable(Self.desk, capacity: 2, held: [
            Self.held("BK-2026-0001", Fixture.window("2026-06-01T00:00:00Z", "2026-06-01T20:00:00Z")),
            Self.held("BK-2026-0002", Fixture.window("2026-06-01T20:00:00Z", "2026-06-02T20:00:00Z")),
            Self.held("BK-2026-0003", Fixture.window("2026-06-02T20:00:00Z", "2026-06-04T00:00:00Z")),
        ])
        _ = try Self.plan([Self.line(Self.desk)], [r])
    }

    @Test("the same resource twice is a 422 naming it, overlapping or not, whatever its capacity",
          arguments: [(1, true), (1, false), (3, true)])
    func sameResourceTwiceIsRefused(capacity: Int, overlapping: Bool) {
        let r = Self.bookable(Self.desk, capacity: capacity)
        let second = overlapping ? Self.stay : Fixture.window("2026-06-03T09:00:00Z", "2026-06-04T09:00:00Z")
        let error = thrownError { () throws(FrontdeskError) in
            try Self.plan([Self.line(Self.desk), Self.line(Self.desk, second)], [r])
        }
        guard case .validationFailed(let issues) = error else {
            Issue.record("expected validation_failed, got \(String(describing: error))")
            return
        }
        #expect(issues.map(\.field) == ["lines[1].resource_id"])
        #expect(issues[0].message.contains(Self.desk.text))
    }

    @Test func conflictsOnSeveralResourcesAreAllReported() {
        let rooms = [Self.bookable(Self.room, held: [Self.held("BK-2026-0002")]),
                     Self.bookable(Self.desk, held: [Self.held("BK-2026-0001")]),
                     Self.bookable(Self.bike, unit: .hour)]
        let error = thrownError { () throws(FrontdeskError) in
            try Self.plan([Self.line(Self.desk), Self.line(Self.bike), Self.line(Self.room)], rooms)
        }
        guard case .bookingConflict(let conflicts) = error else {
            Issue.record("expected booking_conflict, got \(String(describing: error))")
            return
        }
        #expect(Set(conflicts.map(\.resourceID)) == [Self.room, Self.desk])
        #expect(conflicts.first { $0.resourceID == Self.room }?.bookingNumbers == ["BK-2026-0002"])
        #expect(conflicts.first { $0.resourceID == Self.desk }?.bookingNumbers == ["BK-2026-0001"])
    }

    @Test func outOfServiceIsItsOwnConflict() {
        let r = Self.bookable(Self.room, status: .outOfService)
        let error = thrownError { () throws(FrontdeskError) in try Self.plan([Self.line(Self.room)], [r]) }
        #expect(error?.code == "resource_out_of_service")
        #expect(error?.status == 409)
        #expect(error?.detail.contains(Self.room.uuidString.lowercased()) == true)
    }

    // MARK: validation

    @Test func missingMemberAndResourceNameTheirFields() {
        let fields = validationFields { () throws(FrontdeskError) in
            _ = try Self.plan([Self.line(Self.room), Self.line(Fixture.id(0x666))], [Self.bookable(Self.room)],
                              memberName: nil)
        }
        #expect(fields == ["member_id", "lines[1].resource_id"])
    }

    @Test func requestRulesNameTheirFields() {
        #expect(validationFields { () throws(FrontdeskError) in _ = try Self.plan([], []) } == ["lines"])
        #expect(validationFields { () throws(FrontdeskError) in
            _ = try Self.plan([Self.line(Self.room)], [Self.bookable(Self.room)], status: .completed)
        } == ["status"])
        let backwards = Fixture.window("2026-06-03T09:00:00Z", "2026-06-01T12:00:00Z")
        let empty = Fixture.window("2026-06-03T09:00:00Z", "2026-06-03T09:00:00Z")
        #expect(validationFields { () throws(FrontdeskError) in
            _ = try Self.plan([Self.line(Self.room), Self.line(Self.bike, backwards), Self.line(Self.desk, empty)],
                              [Self.bookable(Self.room)])
        } == ["lines[1].ends_at", "lines[2].ends_at"])
        let tooLong = Fixture.window("2026-01-01T00:00:00Z", "2027-03-01T00:00:00Z")
        #expect(validationFields { () throws(FrontdeskError) in
            _ = try Self.plan([Self.line(Self.room, tooLong)], [Self.bookable(Self.room)])
        } == ["lines[0].ends_at"])
    }

    // MARK: the booking it makes

    @Test func pricesPerLineAndTotal() throws {
        let b = try Self.plan([
            Self.line(Self.room),  // 2 nights × 12 000
            Self.line(Self.bike, Fixture.window("2026-06-01T12:00:00Z", "2026-06-01T13:30:00Z")),  // 2 started hours × 1 500
        ], [Self.bookable(Self.room), Self.bookable(Self.bike, rate: 1_500, unit: .hour)])
        #expect(b.lines.map(\.amount) == [24_000, 3_000])
        #expect(b.totalAmount == 27_000)
        #expect(b.currency == "EUR")
    }

    @Test func confirmedBookingHoldsWithoutStamps() throws {
        let b = try Self.plan([Self.line(Self.room)], [Self.bookable(Self.room)])
        #expect(b.status == .confirmed)
        #expect(b.id == Fixture.id(0xE1))
        #expect(b.organizationID == Fixture.organizationID)
        #expect(b.memberID == Fixture.memberID)
        #expect(b.lines.map(\.id) == [Fixture.id(0xE10)])
        #expect(b.lines[0].resourceID == Self.room)
        #expect(b.lines[0].window == Self.stay)
        #expect(b.lines[0].state == .reserved)
        #expect(b.lines[0].checkedInAt == nil)
        #expect(b.actualStartAt == nil)
        #expect(b.actualEndAt == nil)
        #expect(b.source == .web)
        #expect(b.notes == "late arrival")
        #expect(b.version == 1)
        #expect(b.createdAt == Self.now)
        #expect(b.updatedAt == Self.now)
    }

    @Test func walkInStartsNow() throws {
        let b = try Self.plan([Self.line(Self.room), Self.line(Self.bike)],
                              [Self.bookable(Self.room), Self.bookable(Self.bike, unit: .day)], status: .active)
        #expect(b.status == .active)
        #expect(b.actualStartAt == Self.now)
        #expect(b.actualEndAt == nil)
        #expect(b.lines.allSatisfy { $0.state == .occupied && $0.checkedInAt == Self.now })
    }

    @Test func pendingBookingHoldsToo() throws {
        let b = try Self.plan([Self.line(Self.room)], [Self.bookable(Self.room)], status: .pending)
        #expect(b.status == .pending)
        #expect(b.status.holdsResources)
        #expect(b.lines[0].state == .reserved)
    }
}
