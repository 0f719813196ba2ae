import Foundation
import FrontdeskCore
import Testing

/// What the sweep looks for at a location: its settings turned into instants.
@Suite struct DueBoundsTests {
    static let now = Fixture.instant("2026-03-10T12:00:00Z")

    @Test func graceAndHoldBecomeInstantsBeforeNow() {
        let settings = DeskSettings(checkInTime: "14:00", checkOutTime: "11:00", noShowGraceMinutes: 90,
                                    pendingHoldMinutes: 15, autoNoShow: true)
        let bounds = DueBounds(organizationID: Fixture.organizationID, locationID: Fixture.locationID,
                               settings: settings, now: Self.now)
        #expect(bounds.noShowStartedBy == Fixture.instant("2026-03-10T10:30:00Z"))
        #expect(bounds.expireCreatedBy == Fixture.instant("2026-03-10T11:45:00Z"))
        #expect(bounds.noShowGrace == 90 * 60)
    }

    @Test func aLocationThatMarksNoNoShowsLooksOnlyForExpiredHolds() {
        var organization = Fixture.organization()
        organization.autoNoShow = true
        let settings = LocationSettings(pendingHoldMinutes: 60, autoNoShow: false).resolved(over: organization.desk)
        let bounds = DueBounds(organizationID: organization.id, locationID: Fixture.locationID, settings: settings,
                               now: Self.now)
        #expect(bounds.noShowStartedBy == nil)
        #expect(bounds.expireCreatedBy == Fixture.instant("2026-03-10T11:00:00Z"))
    }
}
