import Foundation
import FrontdeskCore
import Testing

/// A location's desk settings: each one it sets, else its organization's.
@Suite struct DeskSettingsTests {
    @Test func eachUnsetSettingIsTheOrganizations() {
        var organization = Fixture.organization()
        organization.noShowGraceMinutes = 90
        let inherited = LocationSettings().resolved(over: organization.desk)
        #expect(inherited == DeskSettings(checkInTime: "14:00", checkOutTime: "11:00", noShowGraceMinutes: 90,
                                          pendingHoldMinutes: 15, autoNoShow: true))
        let own = LocationSettings(checkInTime: "09:00", noShowGraceMinutes: 0, autoNoShow: false)
            .resolved(over: organization.desk)
        #expect(own == DeskSettings(checkInTime: "09:00", checkOutTime: "11:00", noShowGraceMinutes: 0,
                                    pendingHoldMinutes: 15, autoNoShow: false))
    }

    @Test func aLocalDeskHasItsLocationsZoneElseTheOrganizations() {
        let organization = Fixture.organization(timeZone: "Asia/Tokyo")
        let own = LocalDesk(zone: "Europe/Paris", settings: LocationSettings(pendingHoldMinutes: 60), in: organization)
        #expect(own.timeZone == Fixture.zone("Europe/Paris"))
        #expect(own.settings.pendingHoldMinutes == 60)
        #expect(LocalDesk(zone: nil, settings: .init(), in: organization).timeZone == Fixture.zone("Asia/Tokyo"))
    }

    @Test func aLocationsSettingsAreCheckedAsTheOrganizations() {
        let location = Location(id: Fixture.locationID, organizationID: Fixture.organizationID, name: "Shop",
                                timeZone: nil, settings: LocationSettings(checkInTime: "9:00", checkOutTime: "24:00",
                                                                          noShowGraceMinutes: -1, pendingHoldMinutes: 0),
                                createdAt: Fixture.created)
        #expect(throws: FrontdeskError.validationFailed([
            FieldIssue("settings.check_in_time", "must be HH:MM"), FieldIssue("settings.check_out_time", "must be HH:MM"),
            FieldIssue("settings.no_show_grace_minutes", "must be between 0 and 10080"),
            FieldIssue("settings.pending_hold_minutes", "must be between 1 and 10080"),
        ])) { try location.validate() }
        var fine = location
        fine.settings = LocationSettings(checkInTime: "09:00", noShowGraceMinutes: 10_080, autoNoShow: false)
        #expect(throws: Never.self) { try fine.validate() }
    }

    @Test func aLocationsJSONNamesOnlyWhatItOverrides() throws {
        let location = Location(id: Fixture.locationID, organizationID: Fixture.organizationID, name: "Shop",
                                timeZone: nil, settings: LocationSettings(noShowGraceMinutes: 30, autoNoShow: false),
                                createdAt: Fixture.created)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let settings = String(decoding: try encoder.encode(location.settings), as: UTF8.self)
        #expect(settings == #"{"auto_no_show":false,"no_show_grace_minutes":30}"#)
        #expect(try JSONDecoder().decode(Location.self, from: try JSONEncoder().encode(location)) == location)
    }
}
