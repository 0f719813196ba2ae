import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// Which resources can take one more booking for a window.
@Suite("Availability")
struct AvailabilityConformanceTests {
    static let june1to3 = try! WindowSpec(startsAt: nil, endsAt: nil, checkIn: "2026-06-01", checkOut: "2026-06-03")

    @Test(arguments: Backend.enabled)
    func splitsAvailableFromUnavailable(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let single = try await f.makeResource(at: location, name: "Single", rate: 10_000)
            let dorm = try await f.makeResource(at: location, name: "Dorm", capacity: 3, rate: 4_000)
            let broken = try await f.makeResource(at: location, name: "Broken", status: .outOfService)
            let free = try await f.makeResource(at: location, name: "Free", rate: 8_000)
            _ = try await f.makeResource(at: location, name: "Bike", kind: "bike", rate: 100, unit: .hour)
            let member = try await f.makeMember()
            // 2026-06-01T14:00Z → 2026-06-03T11:00Z in UTC, two nights.
            let window = TimeWindow(start: instant("2026-06-01T14:00:00Z"), end: instant("2026-06-03T11:00:00Z"))

            let onSingle = try await f.book(member, single, window)
            let onDorm = try await f.book(member, dorm, TimeWindow(start: window.start - 3_600, end: window.start + 3_600))
            // Touching the window from either side is not in the way.
            _ = try await f.book(member, free, TimeWindow(start: window.start - 86_400, end: window.start))
            _ = try await f.book(member, free, TimeWindow(start: window.end, end: window.end + 86_400))
            // Released lines are not in the way either.
            let gone = try await f.book(member, free, window)
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(gone.id))

            let availability = try await f.frontdesk.availability(f.owner, window: Self.june1to3,
                                                                  filter: ResourceFilter(kind: "room"))
            let open = Dictionary(uniqueKeysWithValues: availability.available.map { ($0.resource.id, $0) })
            let closed = Dictionary(uniqueKeysWithValues: availability.unavailable.map { ($0.resource.id, $0) })
            #expect(Set(open.keys) == [dorm.id, free.id])
            #expect(Set(closed.keys) == [single.id, broken.id])

            #expect(open[dorm.id]?.remainingCapacity == 2)
            #expect(open[dorm.id]?.price == 2 * 4_000)
            #expect(open[free.id]?.remainingCapacity == 1)
            #expect(open[free.id]?.price == 2 * 8_000)
            #expect(open[free.id]?.window == window)
            #expect(open[dorm.id]?.resource == dorm)

            #expect(closed[single.id]?.reason == .booked)
            #expect(closed[single.id]?.bookingNumbers == [onSingle.number])
            #expect(closed[broken.id]?.reason == .outOfService)
            #expect(closed[broken.id]?.bookingNumbers == [])
            _ = onDorm

            // Cancelling the booking in the way frees the room.
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(onSingle.id))
            let after = try await f.frontdesk.availability(f.owner, window: Self.june1to3, filter: ResourceFilter(kind: "room"))
            #expect(Set(after.available.map(\.resource.id)) == [single.id, dorm.id, free.id])
            #expect(after.unavailable.map(\.resource.id) == [broken.id])
        }
    }

    @Test(arguments: Backend.enabled)
    func datesAreReadInEachResourceZone(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let tokyo = try await f.makeResource(at: try await f.makeLocation(name: "Tokyo", timeZone: "Asia/Tokyo"),
                                                 name: "Tokyo", rate: 20_000)
            let honolulu = try await f.makeResource(
                at: try await f.makeLocation(name: "Honolulu", timeZone: "Pacific/Honolulu"), name: "Honolulu", rate: 30_000)
            let member = try await f.makeMember()
            // Held in Honolulu on June 1 local: 2026-06-02T00:00Z → 2026-06-02T06:00Z.
            let held = try await f.book(member, honolulu, TimeWindow(start: instant("2026-06-02T00:00:00Z"),
                                                                     end: instant("2026-06-02T06:00:00Z")))

            let availability = try await f.frontdesk.availability(f.owner, window: Self.june1to3, filter: ResourceFilter())
            let open = try #require(availability.available.first)
            #expect(availability.available.count == 1)
            #expect(open.resource.id == tokyo.id)
            #expect(open.window == TimeWindow(start: instant("2026-06-01T05:00:00Z"), end: instant("2026-06-03T02:00:00Z")))
            #expect(open.price == 2 * 20_000)
            let closed = try #require(availability.unavailable.first)
            #expect(closed.resource.id == honolulu.id && closed.bookingNumbers == [held.number])
            #expect(closed.window == TimeWindow(start: instant("2026-06-02T00:00:00Z"), end: instant("2026-06-03T21:00:00Z")))
        }
    }

    @Test(arguments: Backend.enabled)
    func filtersByLocationAndCategory(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let harbour = try await f.makeLocation(name: "Harbour")
            let hill = try await f.makeLocation(name: "Hill")
            let a = try await f.makeResource(at: harbour, name: "A", category: "suite")
            let b = try await f.makeResource(at: harbour, name: "B", category: "double")
            let c = try await f.makeResource(at: hill, name: "C", category: "suite")
            let gone = try await f.makeResource(at: hill, name: "Gone", category: "suite")
            try await f.frontdesk.deleteResource(f.owner, gone.id)

            func ids(_ filter: ResourceFilter) async throws -> Set<UUID> {
                let availability = try await f.frontdesk.availability(f.owner, window: Self.june1to3, filter: filter)
                return Set(availability.available.map(\.resource.id) + availability.unavailable.map(\.resource.id))
            }
            #expect(try await ids(ResourceFilter()) == [a.id, b.id, c.id])
            #expect(try await ids(ResourceFilter(locationIDs: [harbour.id])) == [a.id, b.id])
            #expect(try await ids(ResourceFilter(category: "suite")) == [a.id, c.id])
            #expect(try await ids(ResourceFilter(locationIDs: [hill.id], category: "double")) == [])
        }
    }

    /// Availability keeps the catalog between requests: every change to a resource or a location
    /// shows in the next answer, made through this engine or through another process's.
    @Test(arguments: Backend.enabled)
    func showsEveryCatalogChangeAtOnce(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation(name: "Harbour")
            let a = try await f.makeResource(at: location, name: "A", rate: 10_000)
            func answer() async throws -> (open: [String], closed: [String], windows: Set<TimeWindow>) {
                let availability = try await f.frontdesk.availability(f.owner, window: Self.june1to3, filter: ResourceFilter())
                return (availability.available.map(\.resource.name), availability.unavailable.map(\.resource.name),
                        Set(availability.available.map(\.window)))
            }
            #expect(try await answer().open == ["A"])

            let b = try await f.makeResource(at: location, name: "B")
            #expect(try await answer().open == ["A", "B"])
            _ = try await f.frontdesk.updateResource(f.owner, a.id, ResourceInput(name: "C", status: .outOfService))
            #expect(try await answer().open == ["B"])
            #expect(try await answer().closed == ["C"])
            try await f.frontdesk.deleteResource(f.owner, a.id)
            #expect(try await answer().closed == [])
            _ = try await f.frontdesk.updateLocation(f.owner, location.id, LocationInput(timeZone: "Asia/Tokyo"))
            #expect(try await answer().windows == [TimeWindow(start: instant("2026-06-01T05:00:00Z"),
                                                               end: instant("2026-06-03T02:00:00Z"))])
            _ = try await f.frontdesk.updateLocation(f.owner, location.id, LocationInput(
                settings: LocationSettings(checkInTime: "09:00", checkOutTime: "18:00")))
            #expect(try await answer().windows == [TimeWindow(start: instant("2026-06-01T00:00:00Z"),
                                                               end: instant("2026-06-03T09:00:00Z"))])
            _ = try await f.frontdesk.updateOrganization(f.owner, OrganizationPatch(checkOutTime: "10:00"))
            _ = try await f.frontdesk.updateLocation(f.owner, location.id, LocationInput(
                settings: LocationSettings(checkInTime: "09:00")))
            #expect(try await answer().windows == [TimeWindow(start: instant("2026-06-01T00:00:00Z"),
                                                               end: instant("2026-06-03T01:00:00Z"))])

            // Another process on the same database: its change shows here at once.
            let again = try f.test.openedAgain()
            let other = Frontdesk(store: again, clock: { f.now })
            _ = try await other.updateResource(f.owner, b.id, ResourceInput(name: "D"))
            _ = try await other.createResource(f.owner, ResourceInput(
                locationID: location.id, name: "E", kind: "room", capacity: 1, rateAmount: 1, rateUnit: .night))
            #expect(try await answer().open == ["D", "E"])
            try await again.shutdown()
        }
    }
}
