import Foundation
import FrontdeskCore
import Testing

/// When a location, a resource or a member may not be deleted: one rule, whichever store asks.
@Suite struct InUseTests {
    static let now = Fixture.instant("2026-03-10T12:00:00Z")

    static func line(_ start: String, _ end: String, checkedIn: Bool = false, number: String = "BK-1") -> HeldLine {
        HeldLine(bookingNumber: number, window: Fixture.window(start, end), checkedIn: checkedIn)
    }

    @Test(arguments: [
        // A line over by now, even ending at this very instant, holds nothing any more.
        (line("2026-03-09T14:00:00Z", "2026-03-10T11:00:00Z"), false),
        (line("2026-03-09T14:00:00Z", "2026-03-10T12:00:00Z"), false),
        // Running or to come, checked in or not: in use.
        (line("2026-03-09T14:00:00Z", "2026-03-11T11:00:00Z"), true),
        (line("2026-03-20T14:00:00Z", "2026-03-21T11:00:00Z"), true),
        (line("2026-03-09T14:00:00Z", "2026-03-11T11:00:00Z", checkedIn: true), true),
        // Checked in and past its end: the guest is still there.
        (line("2026-03-08T14:00:00Z", "2026-03-09T11:00:00Z", checkedIn: true), true),
    ])
    func aResourceIsInUseWhileALineHoldsItFromNowOn(_ held: HeldLine, _ inUse: Bool) {
        let refused = (try? InUse.checkResource(held: [held], now: Self.now)) == nil
        #expect(refused == inUse)
    }

    @Test func theRefusalNamesTheHoldingBookingsOnce() {
        let held = [Self.line("2026-03-20T14:00:00Z", "2026-03-21T11:00:00Z", number: "BK-2"),
                    Self.line("2026-03-22T14:00:00Z", "2026-03-23T11:00:00Z", number: "BK-2"),
                    Self.line("2026-03-01T14:00:00Z", "2026-03-02T11:00:00Z", number: "BK-0"),
                    Self.line("2026-03-24T14:00:00Z", "2026-03-25T11:00:00Z", number: "BK-1")]
        #expect(throws: FrontdeskError.conflict(code: "resource_in_use",
                                                detail: "Current or future bookings hold it: BK-1, BK-2.")) {
            try InUse.checkResource(held: held, now: Self.now)
        }
    }

    @Test func aMemberIsInUseWhileABookingOfTheirsHoldsResources() throws {
        for status in BookingStatus.allCases {
            let refused = (try? InUse.checkMember(bookings: [(number: "BK-7", status: status)])) == nil
            #expect(refused == status.holdsResources, "\(status)")
        }
        try InUse.checkMember(bookings: [])
    }

    @Test func aLocationIsInUseWhileItHasResources() throws {
        try InUse.checkLocation(resources: 0)
        #expect(throws: FrontdeskError.conflict(
            code: "location_in_use", detail: "The location still has 2 resource(s); delete or move them first.")) {
            try InUse.checkLocation(resources: 2)
        }
    }
}
