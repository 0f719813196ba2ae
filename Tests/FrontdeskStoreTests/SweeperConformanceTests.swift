import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// What time decides: no-shows past the grace, pending holds that lapse.
@Suite("Sweeper")
struct SweeperConformanceTests {
    @Test(arguments: Backend.enabled)
    func pendingHoldsExpireAndMissedArrivalsBecomeNoShows(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            // The default organization: 120 minutes of grace, 15 minutes of hold.
            let location = try await f.makeLocation()
            let rooms = [try await f.makeResource(at: location, name: "1"), try await f.makeResource(at: location, name: "2"),
                         try await f.makeResource(at: location, name: "3"), try await f.makeResource(at: location, name: "4")]
            let member = try await f.makeMember()
            let start = f.now + 3_600
            let tonight = TimeWindow(start: start, end: start + 86_400)
            let missed = try await f.book(member, rooms[0], tonight)
            let arrived = try await f.book(member, rooms[1], tonight)
            let held = try await f.book(member, rooms[2], TimeWindow(start: f.now + 7 * 86_400, end: f.now + 8 * 86_400),
                                        status: .pending)
            let later = try await f.book(member, rooms[3], TimeWindow(start: f.now + 7 * 86_400, end: f.now + 8 * 86_400))

            f.clock.set(StoreFixture.start + 14 * 60)
            #expect(try await f.frontdesk.sweep() == 0)
            #expect(try await f.frontdesk.booking(f.owner, .id(held.id)).status == .pending)

            f.clock.set(StoreFixture.start + 15 * 60 + 1)
            #expect(try await f.frontdesk.sweep() == 1)
            let expired = try await f.frontdesk.booking(f.owner, .id(held.id))
            #expect(expired.status == .expired && expired.version == 2 && expired.updatedAt == f.now)
            #expect(expired.lines.allSatisfy { $0.state == .released })
            #expect(try await f.frontdesk.booking(f.owner, .id(missed.id)).status == .confirmed)

            f.clock.set(start - 60)
            _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(arrived.id))
            f.clock.set(start + 120 * 60 - 1)
            #expect(try await f.frontdesk.sweep() == 0)
            #expect(try await f.frontdesk.booking(f.owner, .id(missed.id)).status == .confirmed)

            f.clock.set(start + 120 * 60 + 1)
            #expect(try await f.frontdesk.sweep() == 1)
            let noShow = try await f.frontdesk.booking(f.owner, .id(missed.id))
            #expect(noShow.status == .noShow && noShow.lines.allSatisfy { $0.state == .released })
            #expect(try await f.frontdesk.booking(f.owner, .id(arrived.id)).status == .checkedIn)
            #expect(try await f.frontdesk.booking(f.owner, .id(later.id)).status == .confirmed)
            #expect(try await f.frontdesk.sweep() == 0)

            let events = try await f.bookingEvents()
            #expect(events.suffix(3).map(\.type) == [.bookingExpired, .bookingCheckedIn, .bookingNoShow])
            #expect(events.suffix(3).map(\.entityID) == [held.id, arrived.id, missed.id])
            let audit = try await f.store.auditEntries(Organization.defaultID, entityID: missed.id)
            #expect(audit.last?.actor == .system && audit.last?.action == "no_show" && audit.last?.reason == "sweep")

            // The no-show released its room.
            _ = try await f.book(member, rooms[0], TimeWindow(start: f.now, end: tonight.end))
        }
    }

    /// A hotel waits for its guest until the next day's check-out time; a bike shop, half an hour;
    /// a location that leaves no-shows to the desk is never swept; a location's own hold lasts.
    /// A booking's settings are its (first line's) location's, each else the organization's, and a
    /// change of them reaches the next sweep.
    @Test(arguments: Backend.enabled)
    func eachLocationUsesItsOwnDeskSettings(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let hotel = try await f.frontdesk.createLocation(f.owner, LocationInput(
                name: "Hotel", settings: LocationSettings(noShowGraceMinutes: 20 * 60, pendingHoldMinutes: 60)))
            let shop = try await f.frontdesk.createLocation(f.owner, LocationInput(
                name: "Bikes", settings: LocationSettings(noShowGraceMinutes: 30)))
            let desk = try await f.frontdesk.createLocation(f.owner, LocationInput(
                name: "Desk", settings: LocationSettings(autoNoShow: false)))
            let room = try await f.makeResource(at: hotel), bike = try await f.makeResource(at: shop, unit: .hour)
            let seat = try await f.makeResource(at: desk), plain = try await f.makeResource(at: try await f.makeLocation())
            let member = try await f.makeMember()
            let window = TimeWindow(start: f.now + 3_600, end: f.now + 86_400)
            let guest = try await f.book(member, room, window), rider = try await f.book(member, bike, window)
            let sitter = try await f.book(member, seat, window), other = try await f.book(member, plain, window)
            let roomHold = try await f.book(member, room, TimeWindow(start: f.now + 9 * 86_400, end: f.now + 10 * 86_400),
                                            status: .pending)
            let bikeHold = try await f.book(member, bike, TimeWindow(start: f.now + 9 * 86_400, end: f.now + 10 * 86_400),
                                            status: .pending)
            func statuses(_ bookings: Booking...) async throws -> [BookingStatus] {
                var statuses: [BookingStatus] = []
                for booking in bookings { statuses.append(try await f.frontdesk.booking(f.owner, .id(booking.id)).status) }
                return statuses
            }

            f.clock.set(StoreFixture.start + 16 * 60)  // the organization's 15 minutes, not the hotel's hour
            #expect(try await f.frontdesk.sweep() == 1)
            #expect(try await statuses(bikeHold, roomHold) == [.expired, .pending])

            f.clock.set(window.start + 31 * 60)  // the bike shop's half hour, and the hotel's hold of an hour
            #expect(try await f.frontdesk.sweep() == 2)
            #expect(try await statuses(rider, guest, other, roomHold) == [.noShow, .confirmed, .confirmed, .expired])

            f.clock.set(window.start + 121 * 60)  // the organization's two hours
            #expect(try await f.frontdesk.sweep() == 1)
            #expect(try await statuses(other, guest) == [.noShow, .confirmed])

            f.clock.set(window.start + 20 * 3_600 + 60)
            #expect(try await f.frontdesk.sweep() == 1)
            #expect(try await statuses(guest, sitter) == [.noShow, .confirmed])

            // The desk's location hands no-shows back to the sweeper: the next sweep marks it.
            _ = try await f.frontdesk.updateLocation(f.owner, desk.id, LocationInput(settings: LocationSettings()))
            #expect(try await f.frontdesk.sweep() == 1)
            #expect(try await statuses(sitter) == [.noShow])
        }
    }

    @Test(arguments: Backend.enabled)
    func theOrganizationMayLeaveNoShowsToTheDesk(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            _ = try await f.frontdesk.updateOrganization(f.owner, OrganizationPatch(autoNoShow: false))
            let room = try await f.makeResource(at: try await f.makeLocation())
            let swept = try await f.makeResource(at: try await f.frontdesk.createLocation(
                f.owner, LocationInput(name: "Swept", settings: LocationSettings(autoNoShow: true))))
            let window = TimeWindow(start: f.now + 3_600, end: f.now + 86_400)
            let kept = try await f.book(try await f.makeMember(), room, window)
            let missed = try await f.book(try await f.makeMember(), swept, window)
            f.clock.set(window.start + 3 * 3_600)
            #expect(try await f.frontdesk.sweep() == 1)
            #expect(try await f.frontdesk.booking(f.owner, .id(kept.id)).status == .confirmed)
            #expect(try await f.frontdesk.booking(f.owner, .id(missed.id)).status == .noShow)
            #expect(try await f.frontdesk.organization(f.owner).autoNoShow == false)
        }
    }

    @Test(arguments: Backend.enabled)
    func eachOrganizationUsesItsOwnGrace(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let b = try await f.makeOrganization(patch: OrganizationPatch(noShowGraceMinutes: 30))
            let ourRoom = try await f.makeResource(at: try await f.makeLocation())
            let theirRoom = try await f.makeResource(b, at: try await f.makeLocation(b))
            let window = TimeWindow(start: f.now + 3_600, end: f.now + 86_400)
            let ours = try await f.book(try await f.makeMember(), ourRoom, window)
            let theirs = try await f.book(b, try await f.makeMember(b), theirRoom, window)

            f.clock.set(window.start + 31 * 60)
            #expect(try await f.frontdesk.sweep() == 1)
            #expect(try await f.frontdesk.booking(b, .id(theirs.id)).status == .noShow)
            #expect(try await f.frontdesk.booking(f.owner, .id(ours.id)).status == .confirmed)
            let theirEvents = try await f.allEvents(b)
            #expect(theirEvents.map(\.sequence) == [1, 2, 3, 4])
            #expect(theirEvents.map(\.type) == [.bookingCreated, .invoiceCreated, .bookingNoShow, .invoiceUpdated])
            let ourEvents = try await f.allEvents()
            #expect(ourEvents.map(\.sequence) == [1, 2])
            #expect(ourEvents.map(\.type) == [.bookingCreated, .invoiceCreated])
        }
    }

    @Test(arguments: Backend.enabled)
    func dueBookingsNameTheirAction(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let member = try await f.makeMember()
            let window = TimeWindow(start: f.now + 60, end: f.now + 3_600)
            let confirmed = try await f.book(member, try await f.makeResource(at: location, name: "1"), window)
            let pending = try await f.book(member, try await f.makeResource(at: location, name: "2"), window, status: .pending)
            func dueBookings(at now: Date, limit: Int) async throws -> [DueBooking] {
                try await f.store.dueBookings(try await f.store.locationDesks().map { $0.dueBounds(at: now) }, limit: limit)
            }
            #expect(try await f.store.locationDesks().map(\.locationID) == [location.id])
            #expect(confirmed.locationID == location.id)
            let due = try await dueBookings(at: f.now + 86_400, limit: 10)
            #expect(Set(due) == [
                DueBooking(organizationID: Organization.defaultID, bookingID: confirmed.id, action: .noShow,
                           noShowGrace: 120 * 60),
                DueBooking(organizationID: Organization.defaultID, bookingID: pending.id, action: .expire,
                           noShowGrace: 120 * 60),
            ])
            #expect(try await dueBookings(at: f.now + 86_400, limit: 1).count == 1)
            #expect(try await dueBookings(at: f.now, limit: 10).isEmpty)
        }
    }
}
