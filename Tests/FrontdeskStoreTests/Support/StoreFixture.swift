import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// One test's world: a fresh migrated store, the engine over it with an injected clock, and an
/// owner key of the default organization.
struct StoreFixture: Sendable {
    /// The instant every test starts at, `day`: the stays of that day can be checked in from now on
    /// (a line opens at the start of its first day), not before.
    static let start = day
    /// Midnight UTC on 2026-06-01: the day most windows are placed on.
    static let day = Date(timeIntervalSince1970: 1_780_272_000)

    let backend: Backend
    let test: TestStore
    let clock: TestClock
    let frontdesk: Frontdesk
    /// An owner key of the default organization.
    let owner: Caller

    var store: any FrontdeskStore { test.store }

    /// The engine's current instant.
    var now: Date { clock.now }
}

/// Runs `body` with a fresh fixture on `backend`, and shuts the store down afterwards even when
/// `body` throws.
func withStore(_ backend: Backend, _ body: (StoreFixture) async throws -> Void) async throws {
    try await withTestStore(backend) { test in
        let clock = TestClock(StoreFixture.start)
        let frontdesk = Frontdesk(store: test.store, clock: { clock.now }, passwordCost: 4)
        let issued = try await frontdesk.bootstrapKey(name: "owner", role: .owner)
        try await body(StoreFixture(backend: backend, test: test, clock: clock, frontdesk: frontdesk,
                                    owner: Caller(key: issued.key)))
    }
}

// MARK: Making things

extension StoreFixture {
    /// A second tenant, created with the platform key; returns its owner.
    func makeOrganization(name: String = "Other", patch: OrganizationPatch = OrganizationPatch()) async throws -> Caller {
        let created = try await frontdesk.createOrganization(Frontdesk.platformCaller(now: now), name: name, patch: patch)
        return Caller(key: created.ownerKey.key)
    }

    func makeLocation(_ caller: Caller? = nil, name: String = "Main", timeZone: String? = nil) async throws -> Location {
        try await frontdesk.createLocation(caller ?? owner, LocationInput(name: name, timeZone: timeZone))
    }

    func makeResource(
        _ caller: Caller? = nil, at location: Location, name: String = "Room", kind: String = "room",
        category: String? = nil, capacity: Int = 1, rate: Int = 10_000, unit: RateUnit = .night,
        status: Resource.Status = .active
    ) async throws -> Resource {
        try await frontdesk.createResource(caller ?? owner, ResourceInput(
            locationID: location.id, name: name, kind: kind, category: category, capacity: capacity,
            rateAmount: rate, rateUnit: unit, status: status))
    }

    func makeMember(
        _ caller: Caller? = nil, name: String = "Ada Lovelace", email: String? = nil, phone: String? = nil
    ) async throws -> Member {
        try await frontdesk.createMember(caller ?? owner, MemberInput(name: name, email: email, phone: phone))
    }

    /// A booking by `caller` of `resources`, every line over the same `window`.
    func book(
        _ caller: Caller, _ member: Member, _ resources: [Resource], _ window: TimeWindow,
        status: BookingStatus = .confirmed, notes: String? = nil
    ) async throws -> Booking {
        try await frontdesk.createBooking(caller, NewBooking(
            memberID: member.id, lines: resources.map { .init(resourceID: $0.id, window: .instants(window)) },
            status: status, notes: notes))
    }

    func book(
        _ caller: Caller, _ member: Member, _ resource: Resource, _ window: TimeWindow,
        status: BookingStatus = .confirmed, notes: String? = nil
    ) async throws -> Booking {
        try await book(caller, member, [resource], window, status: status, notes: notes)
    }

    /// A booking by the owner.
    func book(
        _ member: Member, _ resources: [Resource], _ window: TimeWindow,
        status: BookingStatus = .confirmed, notes: String? = nil
    ) async throws -> Booking {
        try await book(owner, member, resources, window, status: status, notes: notes)
    }

    func book(
        _ member: Member, _ resource: Resource, _ window: TimeWindow,
        status: BookingStatus = .confirmed, notes: String? = nil
    ) async throws -> Booking {
        try await book(owner, member, [resource], window, status: status, notes: notes)
    }

    /// Everything the owner's organization has booked, in list order.
    func allBookings(_ caller: Caller? = nil, filter: BookingFilter = BookingFilter()) async throws -> [Booking] {
        try await collectPages { page in try await frontdesk.bookings(caller ?? owner, filter: filter, page: page) }
    }

    /// The events of bookings only, leaving out those of the checkins their actions move.
    func bookingEvents(_ caller: Caller? = nil) async throws -> [Event] {
        try await allEvents(caller).filter { $0.entityType == "booking" }
    }

    /// Every checkin of the owner's organization matching `filter`, in list order.
    func allCheckins(_ caller: Caller? = nil, filter: CheckinFilter = CheckinFilter()) async throws -> [Checkin] {
        try await collectPages { page in try await frontdesk.checkins(caller ?? owner, filter: filter, page: page) }
    }

    func allEvents(_ caller: Caller? = nil) async throws -> [Event] {
        try await frontdesk.events(caller ?? owner, after: 0, limit: Frontdesk.maxEventPage)
    }
}

// MARK: Time

/// `[day + start h, day + end h)`: hours counted from midnight UTC on 2026-06-01.
func hours(_ start: Double, _ end: Double) -> TimeWindow {
    TimeWindow(start: StoreFixture.day + start * 3_600, end: StoreFixture.day + end * 3_600)
}

func instant(_ text: String) -> Date {
    InstantFormat.date(from: text)!
}

// MARK: Lists

/// Follows `next` cursors until the last page; fails the test if a page comes back twice.
func collectPages<Item: Sendable>(
    limit: Int = PageRequest.maxLimit, _ fetch: (PageRequest) async throws -> Page<Item>
) async throws -> [Item] {
    var items: [Item] = []
    var cursor: Cursor?
    var seen: Set<Cursor> = []
    repeat {
        let page = try await fetch(PageRequest(limit: limit, after: cursor))
        items += page.items
        cursor = page.next
        if let cursor {
            try #require(!seen.contains(cursor), "a cursor came back twice")
            seen.insert(cursor)
        }
    } while cursor != nil
    return items
}

/// The sizes of the pages of a list read `limit` at a time, and every id in the order seen.
func pageSizes<Item: Sendable & Identifiable>(
    limit: Int, _ fetch: (PageRequest) async throws -> Page<Item>
) async throws -> (sizes: [Int], ids: [Item.ID]) {
    var sizes: [Int] = []
    var ids: [Item.ID] = []
    var cursor: Cursor?
    repeat {
        let page = try await fetch(PageRequest(limit: limit, after: cursor))
        sizes.append(page.items.count)
        ids += page.items.map(\.id)
        cursor = page.next
        try #require(sizes.count <= 100, "pagination does not end")
    } while cursor != nil
    return (sizes, ids)
}

/// Ids in the order lists return them when creation instants tie: lowercase text order.
func listOrder(_ ids: [UUID]) -> [UUID] {
    ids.sorted { $0.uuidString.lowercased() < $1.uuidString.lowercased() }
}
