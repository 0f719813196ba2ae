import Foundation
import FrontdeskCore
import Testing

/// Whoever is really there holds the resource: a line checked in and not checked out past its end
/// holds on until it is checked out, for availability, conflicts, capacity and the booking's JSON.
@Suite struct OverdueTests {
    /// Checked in for 2026-03-26 to 2026-03-27 10:00 UTC, still there at `now`.
    static let overstay = Fixture.window("2026-03-26T13:00:00Z", "2026-03-27T10:00:00Z")
    static let now = Fixture.instant("2026-03-28T08:00:00Z")
    static let nextWeek = Fixture.window("2026-04-04T13:00:00Z", "2026-04-05T09:00:00Z")

    @Test("overdue only when checked in and past the end", arguments: [
        (true, "2026-03-27T09:59:59Z", false), (true, "2026-03-27T10:00:00Z", true), (false, "2026-03-28T08:00:00Z", false),
    ])
    func overdueRule(checkedIn: Bool, at: String, overdue: Bool) {
        #expect(Occupancy.isOverdue(Self.overstay, checkedIn: checkedIn, at: Fixture.instant(at)) == overdue)
        let held = HeldLine(bookingNumber: "BK-2026-0001", window: Self.overstay, checkedIn: checkedIn)
            .holding(at: Fixture.instant(at))
        #expect(held.window == (overdue ? TimeWindow(start: Self.overstay.start, end: BookableYears.end) : Self.overstay))
    }

    @Test func anOverdueLineBlocksAvailabilityWithoutEndAndCountsForCapacity() {
        let overdue = HeldLine(bookingNumber: "BK-2026-0001", window: Self.overstay, checkedIn: true)
        let left = HeldLine(bookingNumber: "BK-2026-0002", window: Self.overstay)  // reserved, never came: ended
        let room = CatalogEntry(resource: Fixture.resource(Fixture.id(1)), timeZone: nil)
        let kayaks = CatalogEntry(resource: Fixture.resource(Fixture.id(2), capacity: 2), timeZone: nil)
        let free = CatalogEntry(resource: Fixture.resource(Fixture.id(3)), timeZone: nil)
        let a = Availability([room, kayaks, free], held: [
            Fixture.id(1): [overdue], Fixture.id(2): [overdue], Fixture.id(3): [left],
        ], now: Self.now, organization: Fixture.organization()) { _ in Self.nextWeek }
        #expect(a.unavailable.map(\.resource.id) == [Fixture.id(1)])
        #expect(a.unavailable.first?.bookingNumbers == ["BK-2026-0001"])
        #expect(a.available.map(\.resource.id) == [Fixture.id(2), Fixture.id(3)])
        #expect(a.available.first?.remainingCapacity == 1, "the overdue kayak takes one of two")

        // Before its end, the same line holds its own window only.
        let earlier = Availability([room], held: [Fixture.id(1): [overdue]], now: Fixture.instant("2026-03-27T09:00:00Z"),
                                   organization: Fixture.organization()) { _ in Self.nextWeek }
        #expect(earlier.available.count == 1)
    }

    @Test func theBookingPlannerRefusesAResourceHeldByAnOverdueLine() {
        let room = Fixture.id(0x301)
        let bookable = BookableResource(resource: Fixture.resource(room), timeZone: Fixture.zone("Europe/Paris"), held: [
            HeldLine(bookingNumber: "BK-2026-0001", window: Self.overstay, checkedIn: true),
        ])
        let request = BookingRequest(memberID: Fixture.memberID, lines: [.init(resourceID: room, window: Self.nextWeek)])
        let error = thrownError { () throws(FrontdeskError) in
            try BookingPlanner.plan(request, id: Fixture.id(0xE1), lineIDs: [Fixture.id(0xE2)],
                                    organization: Fixture.organization(), resources: [room: bookable],
                                    memberName: "Priya Mehta", now: Self.now)
        }
        #expect(error == .bookingConflict([BookingConflict(resourceID: room, resourceName: "Room 301",
                                                           bookingNumbers: ["BK-2026-0001"])]))
        #expect(error?.detail.contains("Room 301 (") == true)
    }

    @Test func theBookingJSONMarksOverdueLinesOnly() {
        let booking = Fixture.booking(.checkedIn, lines: [
            Fixture.line(1, state: .occupied, checkedInAt: Self.overstay.start, window: Self.overstay),
            Fixture.line(2, state: .occupied, checkedInAt: Self.overstay.start, window: Self.nextWeek),
            Fixture.line(3, window: Self.overstay),
        ]).asOf(Self.now)
        #expect(booking.lines.map(\.overdue) == [true, false, false])
        let json = String(decoding: booking.json, as: UTF8.self)
        #expect(json.components(separatedBy: "\"overdue\":true").count == 2)
        #expect(!json.contains("\"overdue\":false"))
    }
}
