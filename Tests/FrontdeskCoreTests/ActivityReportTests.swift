import Foundation
import FrontdeskCore
import Testing

/// The activity report's rules: what counts as booked and used, no-shows, visits, idle time and
/// peak hours, each clipped to the period and to now, rolled up by location and organization.
@Suite struct ActivityReportTests {
    /// A small world: two locations (Lisbon, and Tokyo), resources in them, and the facts a store read.
    struct World {
        static let lisbon = Location(id: Fixture.id(0xC1), organizationID: Fixture.organizationID, name: "Lisbon",
                                     timeZone: "Europe/Lisbon", createdAt: Fixture.created)
        static let tokyo = Location(id: Fixture.id(0xC2), organizationID: Fixture.organizationID, name: "Tokyo",
                                    timeZone: "Asia/Tokyo", createdAt: Fixture.created)
        var places: [ActivityFacts.Place] = []
        var lines: [ActivityFacts.Line] = []
        var stays: [ActivityFacts.Stay] = []

        static func resource(_ n: Int, at location: Location = lisbon, name: String? = nil,
                             created: Date = Fixture.created) -> Resource {
            Resource(id: Fixture.id(0x200 + n), organizationID: Fixture.organizationID, locationID: location.id,
                     name: name ?? "Desk \(n)", kind: "desk", category: nil, capacity: 1, rateAmount: 0, rateUnit: .hour,
                     status: .active, createdAt: created)
        }

        mutating func add(_ resource: Resource, deletedAt: Date? = nil) {
            places.append(ActivityFacts.Place(resource: resource, deletedAt: deletedAt))
        }

        /// A line of booking `booking` on resource `n`, over `window`.
        mutating func line(_ n: Int, _ window: TimeWindow, _ status: BookingStatus = .completed, booking: Int? = nil,
                           in checkedIn: Date? = nil, out checkedOut: Date? = nil) {
            lines.append(ActivityFacts.Line(id: Fixture.id(0x300 + lines.count), bookingID: Fixture.id(0x400 + (booking ?? lines.count)),
                                            resourceID: Fixture.id(0x200 + n), status: status, window: window,
                                            checkedInAt: checkedIn, checkedOutAt: checkedOut))
        }

        /// A visit of resource `n`, of the line `line` (its index) when it has one.
        mutating func stay(_ n: Int, _ checkIn: Date, _ checkOut: Date?, line: Int? = nil) {
            stays.append(ActivityFacts.Stay(checkinID: Fixture.id(0x500 + stays.count), resourceID: Fixture.id(0x200 + n),
                                            bookingLineID: line.map { lines[$0].id }, checkIn: checkIn, checkOut: checkOut))
        }

        func report(_ from: String, _ to: String, now: String = "2026-07-01T00:00:00Z",
                    location: UUID? = nil, resource: UUID? = nil) -> ActivityReport {
            ActivityReport(ActivityFacts(places: places, locations: [Self.lisbon, Self.tokyo], lines: lines, stays: stays),
                           query: ActivityQuery(from: at(from), to: at(to), locationID: location, resourceID: resource),
                           organization: Fixture.organization(), now: at(now))
        }
    }

    static let june1 = "2026-06-01T00:00:00Z", june2 = "2026-06-02T00:00:00Z"

    @Test func usedTimeIsTheCheckedInPartOfTheBookedWindow() {
        var world = World()
        world.add(World.resource(1))
        world.line(1, window("2026-06-01T10:00:00Z", "2026-06-01T14:00:00Z"),
                   in: at("2026-06-01T11:00:00Z"), out: at("2026-06-01T13:00:00Z"))
        let desk = world.report(Self.june1, Self.june2).resources[0].figures
        #expect(desk.bookedMinutes == 240 && desk.usedMinutes == 120 && desk.utilizationRate == 0.5)

        // Clipped to the period: its last two hours, of which one was used.
        let late = world.report("2026-06-01T12:00:00Z", Self.june2).resources[0].figures
        #expect(late.bookedMinutes == 120 && late.usedMinutes == 60 && late.utilizationRate == 0.5)
    }

    @Test func aLinesStampsAndItsCheckinsCountOnceAndNeverOutsideItsWindow() {
        var world = World()
        world.add(World.resource(1))
        // Booked 09:00–12:00; the line says 08:30–12:45 (early, and an overstay), its checkin the same,
        // and a second checkin 10:00–11:00 inside it.
        world.line(1, window("2026-06-01T09:00:00Z", "2026-06-01T12:00:00Z"),
                   in: at("2026-06-01T08:30:00Z"), out: at("2026-06-01T12:45:00Z"))
        world.stay(1, at("2026-06-01T08:30:00Z"), at("2026-06-01T12:45:00Z"), line: 0)
        world.stay(1, at("2026-06-01T10:00:00Z"), at("2026-06-01T11:00:00Z"), line: 0)
        let desk = world.report(Self.june1, Self.june2).resources[0].figures
        #expect(desk.bookedMinutes == 180 && desk.usedMinutes == 180 && desk.utilizationRate == 1)
        // Visits count every checkin, whole: 255 + 60 minutes.
        #expect(desk.visits == 2 && desk.visitMinutes == 315)
    }

    @Test func aLineUsedOnlyThroughItsCheckinCountsToo() {
        var world = World()
        world.add(World.resource(1))
        world.line(1, window("2026-06-01T09:00:00Z", "2026-06-01T12:00:00Z"), .checkedIn)
        world.stay(1, at("2026-06-01T09:00:00Z"), at("2026-06-01T10:00:00Z"), line: 0)
        let desk = world.report(Self.june1, Self.june2).resources[0].figures
        #expect(desk.usedMinutes == 60 && desk.utilizationRate == 0.3333)
    }

    @Test func aStayInProgressCountsUntilNowOrThePeriodsEnd() {
        var world = World()
        world.add(World.resource(1))
        world.line(1, window("2026-06-01T08:00:00Z", "2026-06-01T20:00:00Z"), .checkedIn, in: at("2026-06-01T09:00:00Z"))
        world.stay(1, at("2026-06-01T09:00:00Z"), nil, line: 0)
        let now = world.report(Self.june1, Self.june2, now: "2026-06-01T10:30:00Z").resources[0].figures
        #expect(now.usedMinutes == 90 && now.visitMinutes == 90 && now.visits == 1)
        // Idle until now only: 09:00 of the day before the visit, nothing after now.
        #expect(now.idleMinutes == 540)
        let end = world.report(Self.june1, "2026-06-01T10:00:00Z", now: "2026-06-01T10:30:00Z").resources[0].figures
        #expect(end.usedMinutes == 60 && end.visitMinutes == 60)
        // A period still to come has nothing used, visited or idle yet; what is booked is booked.
        let future = world.report("2026-06-01T12:00:00Z", Self.june2, now: "2026-06-01T10:30:00Z").resources[0].figures
        #expect(future.bookedMinutes == 480 && future.usedMinutes == 0 && future.visits == 0 && future.idleMinutes == 0)
    }

    @Test func onlyBookingsThatHoldOrHeldTheResourceAreBookedAndNoShowsCountApart() {
        var world = World()
        world.add(World.resource(1))
        world.add(World.resource(2))
        let hour = window("2026-06-01T10:00:00Z", "2026-06-01T11:00:00Z")
        for status in BookingStatus.allCases { world.line(1, hour, status) }
        // A no-show of both desks: one booking, two lines.
        world.line(1, hour, .noShow, booking: 99)
        world.line(2, hour, .noShow, booking: 99)
        let report = world.report(Self.june1, Self.june2)
        #expect(report.resources[0].figures.bookedMinutes == 5 * 60)
        #expect(report.resources[0].figures.noShows == 2 && report.resources[1].figures.noShows == 1)
        #expect(report.locations[0].figures.noShows == 2 && report.organization.noShows == 2)
        // A no-show outside the period is not one of it.
        #expect(world.report("2026-06-01T11:00:00Z", Self.june2).organization.noShows == 0)
    }

    @Test func visitsOfThePeriodAreClippedToItAndIdleTimeIsTheRest() {
        var world = World()
        world.add(World.resource(1))
        world.stay(1, at("2026-05-31T22:00:00Z"), at("2026-06-01T02:00:00Z"))  // across the start
        world.stay(1, at("2026-06-01T09:00:00Z"), at("2026-06-01T10:00:00Z"))  // standalone
        world.stay(1, at("2026-06-01T09:30:00Z"), at("2026-06-01T10:30:00Z"))  // overlapping it
        world.stay(1, at("2026-06-01T12:00:00Z"), at("2026-06-01T12:00:00Z"))  // checked out at once
        world.stay(1, at("2026-06-01T23:00:00Z"), at("2026-06-02T03:00:00Z"))  // across the end
        world.stay(1, at("2026-05-31T10:00:00Z"), at(Self.june1))              // left as it began: not of it
        world.stay(1, at(Self.june2), at("2026-06-02T01:00:00Z"))              // arrived at its end: not of it
        let desk = world.report(Self.june1, Self.june2).resources[0].figures
        #expect(desk.visits == 5 && desk.visitMinutes == 120 + 60 + 60 + 0 + 60)
        // The day less 02:00 + 09:00–10:30 + 23:00–24:00 covered.
        #expect(desk.idleMinutes == 24 * 60 - 120 - 90 - 60)
        #expect(desk.bookedMinutes == 0 && desk.utilizationRate == 0)
    }

    @Test func idleTimeRunsFromTheResourcesCreationToItsDeletion() {
        var world = World()
        world.add(World.resource(1, created: at("2026-06-01T06:00:00Z")), deletedAt: at("2026-06-01T18:00:00Z"))
        world.stay(1, at("2026-06-01T03:00:00Z"), at("2026-06-01T07:00:00Z"))
        let desk = world.report(Self.june1, Self.june2).resources[0].figures
        #expect(desk.idleMinutes == 11 * 60 && desk.visitMinutes == 240)
    }

    @Test func peakHoursAreReadOnEachLocationsClocks() {
        var world = World()
        world.add(World.resource(1, at: World.lisbon))  // UTC+1 in June
        world.add(World.resource(2, at: World.tokyo))   // UTC+9
        // Lisbon: 08:00–10:30 local; Tokyo: 09:00–09:45 and 17:00–17:20 local.
        world.stay(1, at("2026-06-01T07:00:00Z"), at("2026-06-01T09:30:00Z"))
        world.stay(2, at("2026-06-01T00:00:00Z"), at("2026-06-01T00:45:00Z"))
        world.stay(2, at("2026-06-01T08:00:00Z"), at("2026-06-01T08:20:00Z"))
        let report = world.report(Self.june1, Self.june2)
        #expect(report.resources[0].figures.peakHours == [peak(8, 60), peak(9, 60), peak(10, 30)])
        #expect(report.resources[1].figures.peakHours == [peak(9, 45), peak(17, 20)])
        // The organization adds local hours up: 9 is the busiest, then 8, then 10.
        #expect(report.organization.peakHours == [peak(9, 105), peak(8, 60), peak(10, 30)])
    }

    @Test func peakHoursFollowTheClocksAcrossADaylightSavingChange() {
        var world = World()
        world.add(World.resource(1, at: World.lisbon))
        // 2026-03-29: Lisbon's clocks go from 01:00 to 02:00 at 01:00 UTC. 00:30–03:30 UTC is
        // 00:30–01:00 and 02:00–04:30 local: hour 1 never happens.
        world.stay(1, at("2026-03-29T00:30:00Z"), at("2026-03-29T03:30:00Z"))
        let desk = world.report("2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z").resources[0].figures
        #expect(desk.peakHours == [peak(2, 60), peak(3, 60), peak(0, 30)])
    }

    @Test func locationsAndTheOrganizationAddUpTheirResourcesSortedByNameThenID() {
        var world = World()
        world.add(World.resource(3, at: World.tokyo, name: "Alpha"))
        world.add(World.resource(2, name: "Beta"))
        world.add(World.resource(1, name: "Beta"))
        world.line(1, window("2026-06-01T10:00:00Z", "2026-06-01T11:00:00Z"), in: at("2026-06-01T10:00:00Z"),
                   out: at("2026-06-01T10:30:00Z"))
        world.line(2, window("2026-06-01T10:00:00Z", "2026-06-01T12:00:00Z"))
        world.line(3, window("2026-06-01T10:00:00Z", "2026-06-01T10:30:00Z"), in: at("2026-06-01T10:00:00Z"),
                   out: at("2026-06-01T10:30:00Z"))
        let report = world.report(Self.june1, Self.june2)
        #expect(report.resources.map(\.resourceID) == [Fixture.id(0x203), Fixture.id(0x201), Fixture.id(0x202)])
        #expect(report.locations.map(\.name) == ["Lisbon", "Tokyo"])
        #expect(report.locations[0].figures.bookedMinutes == 180 && report.locations[0].figures.usedMinutes == 30)
        #expect(report.locations[0].figures.utilizationRate == 0.1667)
        #expect(report.organization.bookedMinutes == 210 && report.organization.usedMinutes == 60)
        #expect(report.organization.idleMinutes == 3 * 24 * 60)

        // One resource: it, and its location only.
        let one = world.report(Self.june1, Self.june2, resource: Fixture.id(0x203))
        #expect(one.resources.map(\.name) == ["Alpha"] && one.locations.map(\.name) == ["Tokyo"])
        #expect(one.organization.bookedMinutes == 30)
        // One location: its resources, even with nothing to report.
        let lisbon = world.report(Self.june1, Self.june2, location: World.lisbon.id)
        #expect(lisbon.resources.count == 2 && lisbon.locations.map(\.name) == ["Lisbon"])
        #expect(world.report(Self.june1, Self.june2, location: World.tokyo.id).organization.bookedMinutes == 30)
    }

    @Test func minutesAreRoundedOnceForEachScope() {
        var world = World()
        world.add(World.resource(1))
        world.add(World.resource(2))
        // 20 seconds on each: 0 minutes each, 40 seconds (1 minute) together.
        world.stay(1, at("2026-06-01T10:00:00Z"), at("2026-06-01T10:00:20Z"))
        world.stay(2, at("2026-06-01T10:00:00Z"), at("2026-06-01T10:00:20Z"))
        let report = world.report(Self.june1, Self.june2)
        #expect(report.resources.map(\.figures.visitMinutes) == [0, 0] && report.organization.visitMinutes == 1)
        #expect(report.resources[0].figures.peakHours.isEmpty && report.organization.peakHours == [peak(11, 1)])
    }

    @Test func aPeriodEndsAfterItStartsAndLastsAtMost366Days() {
        func refused(_ from: Date, _ to: Date) -> [String] { validationFields(ActivityQuery(from: from, to: to).validate) }
        #expect(refused(at(Self.june2), at(Self.june1)) == ["to"])
        #expect(refused(at(Self.june1), at(Self.june1)) == ["to"])
        let start = at("2024-01-01T00:00:00Z")
        #expect(refused(start, start + 366 * 86_400) == [])
        #expect(refused(start, start + 366 * 86_400 + 1) == ["to"])
        #expect(refused(at("1969-12-31T00:00:00Z"), at("1970-01-02T00:00:00Z")) == ["from"])
    }

    @Test func theJSONHasSortedKeysAndTheCSVQuotesWhatItMust() throws {
        var world = World()
        world.add(World.resource(1, name: "Desk \"A\", by the window"))
        world.line(1, window("2026-06-01T09:00:00Z", "2026-06-01T12:00:00Z"), in: at("2026-06-01T09:00:00Z"),
                   out: at("2026-06-01T11:00:00Z"))
        world.stay(1, at("2026-06-01T09:00:00Z"), at("2026-06-01T11:00:00Z"), line: 0)
        let report = world.report(Self.june1, Self.june2, location: World.lisbon.id)
        let json = String(decoding: report.json, as: UTF8.self)
        #expect(json == """
            {"from":"2026-06-01T00:00:00.000Z","locations":[{"booked_minutes":180,"idle_minutes":1320,\
            "location_id":"\(World.lisbon.id.text)","name":"Lisbon","no_shows":0,"peak_hours":\
            [{"hour":10,"visit_minutes":60},{"hour":11,"visit_minutes":60}],"used_minutes":120,\
            "utilization_rate":0.6667,"visit_minutes":120,"visits":1}],"organization":{"booked_minutes":180,\
            "idle_minutes":1320,"no_shows":0,"peak_hours":[{"hour":10,"visit_minutes":60},\
            {"hour":11,"visit_minutes":60}],"used_minutes":120,"utilization_rate":0.6667,"visit_minutes":120,\
            "visits":1},"resources":[{"booked_minutes":180,"idle_minutes":1320,"location_id":"\(World.lisbon.id.text)",\
            "name":"Desk \\"A\\", by the window","no_shows":0,"peak_hours":[{"hour":10,"visit_minutes":60},\
            {"hour":11,"visit_minutes":60}],"resource_id":"\(Fixture.id(0x201).text)","used_minutes":120,\
            "utilization_rate":0.6667,"visit_minutes":120,"visits":1}],"to":"2026-06-02T00:00:00.000Z"}
            """)
        #expect(report.csv == """
            scope,id,name,booked_minutes,used_minutes,utilization_rate,no_shows,visits,visit_minutes,idle_minutes,peak_hours\r
            resource,\(Fixture.id(0x201).text),"Desk ""A"", by the window",180,120,0.6667,0,1,120,1320,10;11\r
            location,\(World.lisbon.id.text),Lisbon,180,120,0.6667,0,1,120,1320,10;11\r
            organization,\(Fixture.organizationID.text),Hotel du Lac,180,120,0.6667,0,1,120,1320,10;11\r

            """)
    }

    @Test func windowsClipAndCoverOnce() {
        let day = window(Self.june1, Self.june2)
        #expect(window("2026-05-31T20:00:00Z", "2026-06-01T02:00:00Z").clipped(to: day)
            == window(Self.june1, "2026-06-01T02:00:00Z"))
        #expect(window("2026-05-31T20:00:00Z", Self.june1).clipped(to: day) == nil)
        #expect(TimeWindow.coveredMilliseconds([
            window("2026-06-01T01:00:00Z", "2026-06-01T03:00:00Z"), window("2026-06-01T02:00:00Z", "2026-06-01T04:00:00Z"),
            window("2026-06-01T04:00:00Z", "2026-06-01T05:00:00Z"), window("2026-06-01T07:00:00Z", "2026-06-01T08:00:00Z"),
        ]) == 5 * 3_600_000)
        #expect(TimeWindow.coveredMilliseconds([]) == 0)
    }
}

private func at(_ text: String) -> Date { Fixture.instant(text) }
private func window(_ start: String, _ end: String) -> TimeWindow { Fixture.window(start, end) }
private func peak(_ hour: Int, _ minutes: Int) -> PeakHour { PeakHour(hour: hour, visitMinutes: minutes) }
