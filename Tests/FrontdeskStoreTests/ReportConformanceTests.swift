import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// The activity report over both stores: a day of a desk in Lisbon (a booking used for half its
/// window, a visit across the day's start, one in progress) and a room in Tokyo (a no-show, a
/// walk-in), and a desk used then deleted; read by the period's index, filtered, and seen by no
/// other organization.
@Suite("Activity reports")
struct ReportConformanceTests {
    /// The day's report, on the clock's `now` (21:00 UTC).
    static let day = ActivityQuery(from: hours(0, 24).start, to: hours(0, 24).end)

    @Test(arguments: Backend.enabled)
    func aDayOfBookingsAndVisitsIsReported(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let fd = f.frontdesk
            let lisbon = try await f.makeLocation(name: "Lisbon", timeZone: "Europe/Lisbon")  // UTC+1 in June
            let tokyo = try await f.makeLocation(name: "Tokyo", timeZone: "Asia/Tokyo")       // UTC+9
            let desk = try await f.makeResource(at: lisbon, name: "Desk", kind: "desk", unit: .hour)
            let oldDesk = try await f.makeResource(at: lisbon, name: "Old desk", kind: "desk", unit: .hour)
            let room = try await f.makeResource(at: tokyo, name: "Room")
            let member = try await f.makeMember()
            let used = try await f.book(member, desk, hours(9, 13))
            let absent = try await f.book(member, room, hours(14, 16))
            // Cancelled: neither booked nor a no-show.
            let cancelled = try await f.book(member, room, hours(17, 19))
            _ = try await fd.perform(f.owner, .cancel, on: .id(cancelled.id), reason: "changed plans")

            // 08:00: the old desk's only visit was 05:00–06:00; it is deleted (after the day, by
            // the stores' clocks), and still reported for it.
            f.clock.set(hours(8, 8).start)
            let early = try await walkIn(f, oldDesk, member)
            _ = try await fd.checkIn(f.owner, early.id, at: hours(5, 6).start)
            _ = try await fd.checkOut(f.owner, early.id, at: hours(5, 6).end)
            try await fd.deleteResource(f.owner, oldDesk.id)

            // 21:00: the booking was used 10:00–12:00 of 09:00–13:00, the other one never came; a
            // visit of the desk ran from 23:00 the day before to 00:30, one is in progress since
            // 20:15, and the room had a walk-in 01:00–03:00 (10:00–12:00 in Tokyo).
            f.clock.set(hours(21, 21).start)
            _ = try await fd.perform(f.owner, .checkIn, on: .id(used.id), at: hours(10, 12).start)
            _ = try await fd.perform(f.owner, .checkOut, on: .id(used.id), at: hours(10, 12).end)
            _ = try await fd.perform(f.owner, .noShow, on: .id(absent.id))
            let night = try await walkIn(f, desk, member)
            _ = try await fd.checkIn(f.owner, night.id, at: hours(-1, 0.5).start)
            _ = try await fd.checkOut(f.owner, night.id, at: hours(-1, 0.5).end)
            let late = try await walkIn(f, desk, member)
            _ = try await fd.checkIn(f.owner, late.id, at: hours(20.25, 21).start)
            let dropIn = try await walkIn(f, room, member)
            _ = try await fd.checkIn(f.owner, dropIn.id, at: hours(1, 3).start)
            _ = try await fd.checkOut(f.owner, dropIn.id, at: hours(1, 3).end)
            // Outside the day: tomorrow's booking.
            _ = try await f.book(member, desk, hours(30, 34))

            let report = try await fd.activityReport(f.owner, Self.day)
            #expect(report.resources.map(\.name) == ["Desk", "Old desk", "Room"])
            #expect(report.resources.map(\.locationID) == [lisbon.id, lisbon.id, tokyo.id])
            // Desk: 11:00–13:00 and 21:15–22:00 in Lisbon, and 01:00–01:30 of the night visit.
            #expect(report.resources[0].figures == ActivityFigures(
                bookedMinutes: 240, usedMinutes: 120, utilizationRate: 0.5, noShows: 0, visits: 3, visitMinutes: 195,
                idleMinutes: 21 * 60 - 195, peakHours: [peak(11, 60), peak(12, 60), peak(21, 45)]))
            #expect(report.resources[1].figures == ActivityFigures(
                bookedMinutes: 0, usedMinutes: 0, utilizationRate: 0, noShows: 0, visits: 1, visitMinutes: 60,
                idleMinutes: 20 * 60, peakHours: [peak(6, 60)]))
            #expect(report.resources[2].figures == ActivityFigures(
                bookedMinutes: 0, usedMinutes: 0, utilizationRate: 0, noShows: 1, visits: 1, visitMinutes: 120,
                idleMinutes: 21 * 60 - 120, peakHours: [peak(10, 60), peak(11, 60)]))
            #expect(report.locations.map(\.name) == ["Lisbon", "Tokyo"])
            #expect(report.locations[0].figures == ActivityFigures(
                bookedMinutes: 240, usedMinutes: 120, utilizationRate: 0.5, noShows: 0, visits: 4, visitMinutes: 255,
                idleMinutes: 21 * 60 - 195 + 20 * 60, peakHours: [peak(6, 60), peak(11, 60), peak(12, 60)]))
            #expect(report.locations[1].figures == report.resources[2].figures)
            #expect(report.organization == ActivityFigures(
                bookedMinutes: 240, usedMinutes: 120, utilizationRate: 0.5, noShows: 1, visits: 5, visitMinutes: 375,
                idleMinutes: 21 * 60 - 195 + 20 * 60 + 21 * 60 - 120, peakHours: [peak(11, 120), peak(6, 60), peak(10, 60)]))

            // An hour later the visit in progress has run an hour.
            f.clock.advance(by: 3_600)
            let later = try await fd.activityReport(f.owner, Self.day)
            #expect(later.resources[0].figures.visitMinutes == 255 && later.resources[0].figures.idleMinutes == 22 * 60 - 255)

            // One resource: it and its location; one location: its resources.
            let one = try await fd.activityReport(f.owner, ActivityQuery(from: Self.day.from, to: Self.day.to,
                                                                         resourceID: room.id))
            #expect(one.resources.map(\.resourceID) == [room.id] && one.locations.map(\.locationID) == [tokyo.id])
            #expect(one.organization == one.resources[0].figures)
            let lisbonOnly = try await fd.activityReport(f.owner, ActivityQuery(from: Self.day.from, to: Self.day.to,
                                                                                locationID: lisbon.id))
            #expect(lisbonOnly.resources.map(\.resourceID) == [desk.id, oldDesk.id])
            #expect(lisbonOnly.organization.noShows == 0 && lisbonOnly.organization.bookedMinutes == 240)

            // A period that only touches the day's lines and visits: the evening only.
            let evening = try await fd.activityReport(f.owner, ActivityQuery(from: hours(13, 20).start, to: hours(13, 20).end))
            #expect(evening.organization.bookedMinutes == 0 && evening.organization.visits == 0)
            #expect(evening.organization.noShows == 1)
        }
    }

    @Test(arguments: Backend.enabled)
    func anotherOrganizationSeesNoneOfIt(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation(name: "Lisbon", timeZone: "Europe/Lisbon")
            let desk = try await f.makeResource(at: location, name: "Desk")
            let member = try await f.makeMember()
            _ = try await f.book(member, desk, hours(9, 13))
            f.clock.set(hours(21, 21).start)
            let visit = try await walkIn(f, desk, member)
            _ = try await f.frontdesk.checkIn(f.owner, visit.id, at: hours(10, 11).start)

            let other = try await f.makeOrganization()
            let theirs = try await f.frontdesk.activityReport(other, Self.day)
            #expect(theirs.resources.isEmpty && theirs.locations.isEmpty)
            #expect(theirs.organization == ActivityFigures(bookedMinutes: 0, usedMinutes: 0, utilizationRate: 0, noShows: 0,
                                                           visits: 0, visitMinutes: 0, idleMinutes: 0, peakHours: []))
            await expectError("validation_failed") {
                try await f.frontdesk.activityReport(other, ActivityQuery(from: Self.day.from, to: Self.day.to,
                                                                          resourceID: desk.id))
            }
            await expectError("validation_failed") {
                try await f.frontdesk.activityReport(other, ActivityQuery(from: Self.day.from, to: Self.day.to,
                                                                          locationID: location.id))
            }
            #expect(try await f.frontdesk.activityReport(f.owner, Self.day).organization.visits == 1)
        }
    }

    private func walkIn(_ f: StoreFixture, _ resource: Resource, _ member: Member) async throws -> Checkin {
        try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: resource.id, memberID: member.id))
    }
}

private func peak(_ hour: Int, _ minutes: Int) -> PeakHour { PeakHour(hour: hour, visitMinutes: minutes) }
