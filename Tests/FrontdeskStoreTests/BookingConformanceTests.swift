import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// Creating bookings: lines, prices, dates, numbers, conflicts, capacity, and nothing written on failure.
@Suite("Bookings")
struct BookingConformanceTests {
    @Test(arguments: Backend.enabled)
    func severalResourcesForOneWindow(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let room = try await f.makeResource(at: location, name: "101", rate: 10_000, unit: .night)
            let bike = try await f.makeResource(at: location, name: "Bike", kind: "bike", rate: 500, unit: .hour)
            let member = try await f.makeMember()
            let window = hours(14, 59) // June 1, 14:00 → June 3, 11:00: two nights, 45 hours

            let booking = try await f.book(member, [room, bike], window, notes: "late arrival")
            #expect(booking.number == "BK-2026-0001")
            #expect(booking.status == .confirmed && booking.version == 1 && booking.source == .api)
            #expect(booking.organizationID == Organization.defaultID && booking.memberID == member.id)
            #expect(booking.lines.map(\.resourceID) == [room.id, bike.id])
            #expect(booking.lines.allSatisfy { $0.window == window && $0.state == .reserved && $0.checkedInAt == nil })
            #expect(booking.lines.map(\.amount) == [2 * 10_000, 45 * 500])
            #expect(booking.totalAmount == 42_500 && booking.currency == "USD")
            #expect(booking.window == window)
            #expect(booking.notes == "late arrival")
            #expect(booking.createdAt == f.now && booking.updatedAt == f.now)

            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)) == booking)
            #expect(try await f.frontdesk.booking(f.owner, .number("BK-2026-0001")) == booking)
            #expect(try await f.frontdesk.booking(f.owner, BookingReference("BK-2026-0001")) == booking)
            await expectError("not_found") { try await f.frontdesk.booking(f.owner, .number("BK-2026-0002")) }
            await expectError("not_found") { try await f.frontdesk.booking(f.owner, .id(UUID())) }
        }
    }

    @Test(arguments: Backend.enabled)
    func linesWithTheirOwnWindows(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let a = try await f.makeResource(at: location, name: "A", rate: 100, unit: .hour)
            let b = try await f.makeResource(at: location, name: "B", rate: 7_000, unit: .session)
            let member = try await f.makeMember()
            let booking = try await f.frontdesk.createBooking(f.owner, NewBooking(memberID: member.id, lines: [
                .init(resourceID: b.id, window: .instants(hours(40, 42))),
                .init(resourceID: a.id, window: .instants(hours(10, 12.5))),
            ], status: .pending, source: .phone))
            #expect(booking.status == .pending && booking.source == .phone)
            #expect(booking.lines.map(\.resourceID) == [b.id, a.id])
            #expect(booking.lines.map(\.window) == [hours(40, 42), hours(10, 12.5)])
            #expect(booking.lines.map(\.amount) == [7_000, 300])
            #expect(booking.window == hours(10, 42))
            let read = try await f.frontdesk.booking(f.owner, .id(booking.id))
            #expect(read == booking)
            #expect(read.window == hours(10, 42))
            #expect(Set(read.lines.map(\.id)).count == 2)
        }
    }

    @Test(arguments: Backend.enabled)
    func datesAreReadInTheLocationTimeZone(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let newYork = try await f.makeLocation(name: "New York", timeZone: "America/New_York")
            let paris = try await f.makeLocation(name: "Paris", timeZone: "Europe/Paris")
            let plain = try await f.makeLocation(name: "Organization zone")
            let ny = try await f.makeResource(at: newYork, rate: 12_900, unit: .night)
            let pa = try await f.makeResource(at: paris, rate: 9_000, unit: .night)
            let utc = try await f.makeResource(at: plain, rate: 5_000, unit: .night)
            let member = try await f.makeMember()

            func stay(_ resource: Resource, _ checkIn: String, _ checkOut: String) async throws -> Booking {
                try await f.frontdesk.createBooking(f.owner, NewBooking(memberID: member.id, lines: [
                    .init(resourceID: resource.id, window: try WindowSpec(startsAt: nil, endsAt: nil,
                                                                          checkIn: checkIn, checkOut: checkOut)),
                ]))
            }
            // Check-in 14:00, check-out 11:00 (the organization's defaults), local time.
            let inNewYork = try await stay(ny, "2026-07-01", "2026-07-04")
            #expect(inNewYork.lines[0].window == TimeWindow(start: instant("2026-07-01T18:00:00Z"),
                                                            end: instant("2026-07-04T15:00:00Z")))
            #expect(inNewYork.totalAmount == 3 * 12_900)

            // Across the end of summer time (2026-10-25 in Paris): still two nights.
            let inParis = try await stay(pa, "2026-10-24", "2026-10-26")
            #expect(inParis.lines[0].window == TimeWindow(start: instant("2026-10-24T12:00:00Z"),
                                                          end: instant("2026-10-26T10:00:00Z")))
            #expect(inParis.totalAmount == 2 * 9_000)

            let inUTC = try await stay(utc, "2026-07-01", "2026-07-02")
            #expect(inUTC.lines[0].window == TimeWindow(start: instant("2026-07-01T14:00:00Z"),
                                                        end: instant("2026-07-02T11:00:00Z")))
            #expect(inUTC.totalAmount == 5_000)
            #expect(try await f.frontdesk.booking(f.owner, .id(inParis.id)) == inParis)
        }
    }

    /// What a booking reads before it is decided (the organization's settings, the resource, its
    /// location's zone) may be kept from one booking to the next (SQLite's writer keeps it); a
    /// change to any of them reaches the next booking, and a deleted resource is gone.
    @Test(arguments: Backend.enabled)
    func changesBetweenBookingsReachTheNext(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation(timeZone: "UTC")
            let room = try await f.makeResource(at: location, rate: 10_000, unit: .night)
            let spare = try await f.makeResource(at: location, name: "Spare")
            let member = try await f.makeMember()
            // Noon UTC to 16:00 UTC the next day: one night in UTC, two in Tokyo (21:00 to 01:00).
            func overnight(_ day: String, _ next: String) -> TimeWindow {
                TimeWindow(start: instant("\(day)T12:00:00Z"), end: instant("\(next)T16:00:00Z"))
            }
            let first = try await f.book(member, room, overnight("2026-07-01", "2026-07-02"))
            #expect(first.number == "BK-2026-0001" && first.currency == "USD" && first.totalAmount == 10_000)
            let onSpare = try await f.book(member, spare, overnight("2026-07-01", "2026-07-02"))
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(onSpare.id))

            // One change at a time, each followed by a booking.
            _ = try await f.frontdesk.updateOrganization(f.owner, OrganizationPatch(currency: "EUR", bookingNumberPrefix: "HX"))
            let renamed = try await f.book(member, room, overnight("2026-07-04", "2026-07-05"))
            #expect(renamed.number == "HX-2026-0003" && renamed.currency == "EUR" && renamed.totalAmount == 10_000)
            _ = try await f.frontdesk.updateResource(f.owner, room.id, ResourceInput(rateAmount: 12_000))
            let repriced = try await f.book(member, room, overnight("2026-07-07", "2026-07-08"))
            #expect(repriced.totalAmount == 12_000)
            _ = try await f.frontdesk.updateLocation(f.owner, location.id, LocationInput(timeZone: "Asia/Tokyo"))
            let moved = try await f.book(member, room, overnight("2026-07-10", "2026-07-11"))
            #expect(moved.number == "HX-2026-0005" && moved.totalAmount == 2 * 12_000)

            // A stay by dates: its location's check-in and check-out times, each else the organization's.
            func stay(_ checkIn: String, _ checkOut: String) async throws -> Booking {
                try await f.frontdesk.createBooking(f.owner, NewBooking(memberID: member.id, lines: [.init(
                    resourceID: room.id, window: .dates(StayDates(checkIn: LocalDate(checkIn)!, checkOut: LocalDate(checkOut)!)))]))
            }
            _ = try await f.frontdesk.updateOrganization(f.owner, OrganizationPatch(checkInTime: "15:00"))
            let byOrganization = try await stay("2026-07-13", "2026-07-14")  // Tokyo is UTC+9
            #expect(byOrganization.lines[0].window == TimeWindow(start: instant("2026-07-13T06:00:00Z"),
                                                                 end: instant("2026-07-14T02:00:00Z")))
            _ = try await f.frontdesk.updateLocation(f.owner, location.id, LocationInput(
                settings: LocationSettings(checkInTime: "16:00", checkOutTime: "10:00")))
            let byLocation = try await stay("2026-07-15", "2026-07-16")
            #expect(byLocation.lines[0].window == TimeWindow(start: instant("2026-07-15T07:00:00Z"),
                                                             end: instant("2026-07-16T01:00:00Z")))
            _ = try await f.frontdesk.updateLocation(f.owner, location.id, LocationInput(
                settings: LocationSettings(checkOutTime: "12:00")))
            let again = try await stay("2026-07-17", "2026-07-18")
            #expect(again.lines[0].window == TimeWindow(start: instant("2026-07-17T06:00:00Z"),
                                                        end: instant("2026-07-18T03:00:00Z")))

            _ = try await f.frontdesk.updateResource(f.owner, room.id, ResourceInput(status: .outOfService))
            await expectError("resource_out_of_service") { try await f.book(member, room, overnight("2026-07-20", "2026-07-21")) }
            try await f.frontdesk.deleteResource(f.owner, spare.id)
            await expectError("validation_failed") { try await f.book(member, spare, overnight("2026-07-20", "2026-07-21")) }
        }
    }

    @Test(arguments: Backend.enabled)
    func numbersAreUniqueAndIncreasePerOrganizationAndYear(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let room = try await f.makeResource(at: location, name: "101")
            let suite = try await f.makeResource(at: location, name: "Suite")
            let member = try await f.makeMember()

            let first = try await f.book(member, room, hours(14, 35))
            #expect(first.number == "BK-2026-0001")
            await expectError("booking_conflict") { try await f.book(member, room, hours(20, 30)) }
            await expectError("validation_failed") { try await f.book(member.with(id: UUID()), suite, hours(14, 35)) }
            let second = try await f.book(member, suite, hours(14, 35))
            let third = try await f.book(member, room, hours(35, 40))

            // Another organization has its own series and prefix.
            let b = try await f.makeOrganization(patch: OrganizationPatch(bookingNumberPrefix: "HT"))
            let theirRoom = try await f.makeResource(b, at: try await f.makeLocation(b))
            let theirMember = try await f.makeMember(b)
            #expect(try await f.book(b, theirMember, theirRoom, hours(14, 35)).number == "HT-2026-0001")
            let fourth = try await f.book(member, suite, hours(35, 40))
            backend.expectNumbers([first, second, third, fourth].map(\.number),
                                  ["BK-2026-0001", "BK-2026-0002", "BK-2026-0003", "BK-2026-0004"])

            // A new year (in the organization's zone) starts a new series.
            f.clock.set(instant("2027-01-01T00:00:00Z"))
            let nextYear = try await f.book(member, room, TimeWindow(start: f.now + 3_600, end: f.now + 7_200))
            #expect(nextYear.number == "BK-2027-0001")
            #expect(try await f.book(member, suite, TimeWindow(start: f.now + 3_600, end: f.now + 7_200)).number
                    == "BK-2027-0002")
        }
    }

    /// The year of a number is the organization's at the booking, in its zone as it is then, even
    /// when the zone changed since its last booking and the change crosses New Year.
    @Test(arguments: Backend.enabled)
    func theYearIsTakenInTheOrganizationsZoneAsItIsAtTheBooking(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let room = try await f.makeResource(at: try await f.makeLocation(timeZone: "UTC"))
            let member = try await f.makeMember()
            func book() async throws -> String {
                try await f.book(member, room, TimeWindow(start: f.now + 3_600, end: f.now + 7_200)).number
            }
            f.clock.set(instant("2026-12-31T23:00:00Z"))
            _ = try await f.frontdesk.updateOrganization(f.owner, OrganizationPatch(timeZone: "UTC"))
            let lastOfTheYear = try await book()
            _ = try await f.frontdesk.updateOrganization(f.owner, OrganizationPatch(timeZone: "Asia/Tokyo"))
            f.clock.advance(by: 7_200)
            let inTokyo = try await book()  // 10:00 on January 1 in Tokyo
            _ = try await f.frontdesk.updateOrganization(f.owner, OrganizationPatch(timeZone: "America/New_York"))
            f.clock.advance(by: 7_200)
            let inNewYork = try await book()  // 22:00 on December 31 in New York
            backend.expectNumbers([lastOfTheYear, inNewYork], ["BK-2026-0001", "BK-2026-0002"])
            #expect(inTokyo == "BK-2027-0001")
        }
    }

    @Test(arguments: Backend.enabled)
    func conflictNamesTheBookingsInTheWay(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let room = try await f.makeResource(at: location, name: "101")
            let spare = try await f.makeResource(at: location, name: "102")
            let member = try await f.makeMember()

            let held = try await f.book(member, room, hours(14, 38))
            let error = await expectError("booking_conflict") { try await f.book(member, room, hours(20, 30)) }
            #expect(conflictNumbers(error) == [room.id: [held.number]])

            // Half-open windows: one that ends as the other starts does not overlap it.
            let before = try await f.book(member, room, hours(2, 14))
            let after = try await f.book(member, room, hours(38, 62))
            let wide = await expectError("booking_conflict") { try await f.book(member, room, hours(0, 70)) }
            #expect(conflictNumbers(wide) == [room.id: [held.number, before.number, after.number].sorted()])

            // One line in the way fails the whole booking; its free lines are not written.
            let mixed = await expectError("booking_conflict") { try await f.book(member, [spare, room], hours(37, 39)) }
            #expect(conflictNumbers(mixed) == [room.id: [held.number, after.number].sorted()])
            #expect(try await f.allBookings(filter: BookingFilter(resourceID: spare.id)).isEmpty)

            // A booking holds a resource once: two lines of it are a 422 naming it, not a conflict with itself.
            let twice = await expectError("validation_failed") {
                try await f.frontdesk.createBooking(f.owner, NewBooking(memberID: member.id, lines: [
                    .init(resourceID: spare.id, window: .instants(hours(100, 110))),
                    .init(resourceID: spare.id, window: .instants(hours(105, 115))),
                ]))
            }
            #expect(twice?.detail.contains("lines[1].resource_id: \(spare.id.text)") == true)
            #expect(try await f.allBookings().count == 3)
        }
    }

    @Test(arguments: Backend.enabled)
    func capacityTakesThatManyOverlappingBookings(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let dorm = try await f.makeResource(at: location, name: "Dorm", capacity: 3)
            let member = try await f.makeMember()
            var numbers: [String] = []
            for window in [hours(10, 20), hours(12, 22), hours(15, 16)] {
                numbers.append(try await f.book(member, dorm, window).number)
            }
            let error = await expectError("booking_conflict") { try await f.book(member, dorm, hours(15, 18)) }
            #expect(conflictNumbers(error) == [dorm.id: numbers.sorted()])
            // Where only two overlap there is room for a third.
            let late = try await f.book(member, dorm, hours(16, 21))
            backend.expectNumbers([late.number], ["BK-2026-0004"])
            await expectError("booking_conflict") { try await f.book(member, dorm, hours(16.5, 17)) }
            #expect(try await f.allBookings(filter: BookingFilter(resourceID: dorm.id)).count == 4)
        }
    }

    @Test(arguments: Backend.enabled)
    func capacityChangesApplyToLaterBookings(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let room = try await f.makeResource(at: location, capacity: 1)
            let dorm = try await f.makeResource(at: location, name: "Dorm", capacity: 3)
            let member = try await f.makeMember()
            let window = hours(14, 38)

            let first = try await f.book(member, room, window)
            _ = try await f.frontdesk.updateResource(f.owner, room.id, ResourceInput(capacity: 2))
            let second = try await f.book(member, room, window)
            let full = await expectError("booking_conflict") { try await f.book(member, room, window) }
            #expect(conflictNumbers(full) == [room.id: [first.number, second.number]])

            _ = try await f.book(member, dorm, window)
            _ = try await f.frontdesk.updateResource(f.owner, dorm.id, ResourceInput(capacity: 1))
            await expectError("booking_conflict") { try await f.book(member, dorm, hours(20, 30)) }
            // Lines written while the room was exclusive do not keep it exclusive.
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(second.id))
            _ = try await f.frontdesk.updateResource(f.owner, room.id, ResourceInput(capacity: 3))
            _ = try await f.book(member, room, window)
            _ = try await f.book(member, room, window)
            await expectError("booking_conflict") { try await f.book(member, room, window) }
        }
    }

    @Test(arguments: Backend.enabled)
    func endedBookingsReleaseTheResource(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let room = try await f.makeResource(at: location)
            let member = try await f.makeMember()
            let window = hours(14, 38)

            let cancelled = try await f.book(member, room, window)
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(cancelled.id), reason: "changed plans")
            let expired = try await f.book(member, room, window, status: .pending)
            _ = try await f.frontdesk.perform(f.owner, .expire, on: .id(expired.id))
            let noShow = try await f.book(member, room, window)
            _ = try await f.frontdesk.perform(f.owner, .noShow, on: .id(noShow.id))

            let again = try await f.book(member, room, window)
            #expect(again.number == "BK-2026-0004")
            let error = await expectError("booking_conflict") { try await f.book(member, room, window) }
            #expect(conflictNumbers(error) == [room.id: [again.number]])
        }
    }

    @Test(arguments: Backend.enabled)
    func failuresWriteNothing(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let room = try await f.makeResource(at: location, name: "101")
            let broken = try await f.makeResource(at: location, name: "102", status: .outOfService)
            let gone = try await f.makeResource(at: location, name: "103")
            try await f.frontdesk.deleteResource(f.owner, gone.id)
            let member = try await f.makeMember()
            let left = try await f.makeMember(name: "Left")
            try await f.frontdesk.deleteMember(f.owner, left.id)
            let b = try await f.makeOrganization()
            let theirs = try await f.makeResource(b, at: try await f.makeLocation(b))
            let held = try await f.book(member, room, hours(14, 38))

            let bookings = try await f.allBookings()
            let events = try await f.allEvents()

            let out = await expectError("resource_out_of_service") { try await f.book(member, broken, hours(14, 38)) }
            #expect(out?.detail.contains(broken.id.uuidString.lowercased()) == true)
            await expectError("resource_out_of_service") { try await f.book(member, [room, broken], hours(50, 60)) }
            await expectError("booking_conflict") { try await f.book(member, room, hours(20, 30)) }
            await expectError("validation_failed") { try await f.book(member, gone, hours(14, 38)) }
            await expectError("validation_failed") { try await f.book(member, theirs, hours(14, 38)) }
            await expectError("validation_failed") { try await f.book(member, Resource.unknown(in: location), hours(14, 38)) }
            await expectError("validation_failed") { try await f.book(member.with(id: UUID()), room, hours(50, 60)) }
            await expectError("validation_failed") { try await f.book(left, room, hours(50, 60)) }
            await expectError("validation_failed") { try await f.book(member, room, hours(60, 50)) }
            await expectError("validation_failed") { try await f.book(member, room, hours(50, 60), status: .completed) }

            #expect(try await f.allBookings() == bookings)
            #expect(try await f.allEvents() == events)
            #expect(try await f.store.auditEntries(Organization.defaultID, entityID: held.id).count == 1)
            backend.expectNumbers([try await f.book(member, room, hours(50, 60)).number], ["BK-2026-0002"])
        }
    }
}

extension Member {
    func with(id: UUID) -> Member {
        var copy = self
        copy.id = id
        return copy
    }
}

extension Resource {
    /// A resource no store has heard of.
    static func unknown(in location: Location) -> Resource {
        Resource(id: UUID(), organizationID: location.organizationID, locationID: location.id, name: "Ghost",
                 kind: "room", category: nil, capacity: 1, rateAmount: 0, rateUnit: .night, status: .active,
                 createdAt: location.createdAt)
    }
}
