import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// Listing bookings: filters and pages.
@Suite("Booking lists")
struct BookingQueryTests {
    @Test(arguments: Backend.enabled)
    func filtersCombine(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let harbour = try await f.makeLocation(name: "Harbour")
            let hill = try await f.makeLocation(name: "Hill")
            let sea = try await f.makeResource(at: harbour, name: "Sea")
            let park = try await f.makeResource(at: hill, name: "Park")
            let ada = try await f.makeMember(name: "Ada")
            let alan = try await f.makeMember(name: "Alan")

            let a = try await f.book(ada, sea, hours(10, 20))
            let b = try await f.book(alan, park, hours(20, 30), status: .pending)
            let c = try await f.book(ada, [sea, park], hours(30, 40))
            let d = try await f.book(alan, sea, hours(50, 60))
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(d.id))
            let e = try await f.frontdesk.createBooking(f.owner, NewBooking(memberID: ada.id, lines: [
                .init(resourceID: park.id, window: .instants(hours(70, 80))),
                .init(resourceID: sea.id, window: .instants(hours(90, 100))),
            ]))

            func ids(_ filter: BookingFilter) async throws -> Set<UUID> {
                Set(try await f.allBookings(filter: filter).map(\.id))
            }
            #expect(try await ids(BookingFilter()) == [a.id, b.id, c.id, d.id, e.id])
            #expect(try await ids(BookingFilter(statuses: [.cancelled])) == [d.id])
            #expect(try await ids(BookingFilter(statuses: [.pending, .cancelled])) == [b.id, d.id])
            #expect(try await ids(BookingFilter(statuses: [.checkedIn])) == [])
            #expect(try await ids(BookingFilter(memberID: ada.id)) == [a.id, c.id, e.id])
            #expect(try await ids(BookingFilter(memberID: UUID())) == [])
            #expect(try await ids(BookingFilter(resourceID: sea.id)) == [a.id, c.id, d.id, e.id])
            #expect(try await ids(BookingFilter(resourceID: park.id)) == [b.id, c.id, e.id])
            // A booking is at its location, its first line's: c (Sea, then Park) at the harbour, e at the hill.
            #expect(try await ids(BookingFilter(locationIDs: [hill.id])) == [b.id, e.id])
            #expect(try await ids(BookingFilter(locationIDs: [harbour.id])) == [a.id, c.id, d.id])
            // Half-open overlap: touching windows are outside.
            #expect(try await ids(BookingFilter(window: hours(20, 30))) == [b.id])
            #expect(try await ids(BookingFilter(window: hours(19, 21))) == [a.id, b.id])
            #expect(try await ids(BookingFilter(window: hours(0, 10))) == [])
            // A booking matches through the line that overlaps, not through its overall span.
            #expect(try await ids(BookingFilter(window: hours(82, 88))) == [])
            #expect(try await ids(BookingFilter(resourceID: park.id, window: hours(70, 80))) == [e.id])
            #expect(try await ids(BookingFilter(statuses: [.confirmed], memberID: ada.id, locationIDs: [hill.id])) == [e.id])
            #expect(try await ids(BookingFilter(statuses: [.confirmed], resourceID: sea.id, window: hours(0, 55))) == [a.id, c.id])
        }
    }

    @Test(arguments: Backend.enabled)
    func pagesFollowCreationOrder(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let room = try await f.makeResource(at: try await f.makeLocation(), capacity: 10)
            let member = try await f.makeMember()
            var made: [UUID] = []
            for i in 0..<5 {
                f.clock.advance(by: 1)
                made.append(try await f.book(member, room, hours(Double(i), Double(i) + 30)).id)
            }
            let all = try await pageSizes(limit: 2) {
                try await f.frontdesk.bookings(f.owner, filter: BookingFilter(), page: $0)
            }
            #expect(all.sizes == [2, 2, 1])
            #expect(all.ids == made)

            // Pages of a filtered list hold only matches, and still end.
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(made[1]))
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(made[3]))
            let confirmed = try await pageSizes(limit: 2) {
                try await f.frontdesk.bookings(f.owner, filter: BookingFilter(statuses: [.confirmed]), page: $0)
            }
            #expect(confirmed.sizes == [2, 1])
            #expect(confirmed.ids == [made[0], made[2], made[4]])
        }
    }

    /// The lists by resource (walked in page order from the lines) and by window (sorted from
    /// the lines, cut before any booking is read when nothing else is asked) page as the others
    /// do, each booking once though two of its lines are in the window.
    @Test(arguments: Backend.enabled)
    func pagesByResourceAndWindowFollowCreationOrderEachBookingOnce(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let (member, location) = (try await f.makeMember(), try await f.makeLocation())
            let room = try await f.makeResource(at: location, capacity: 10)
            let other = try await f.makeResource(at: location, name: "Other", capacity: 10)
            var made: [UUID] = []
            for i in 0..<6 {
                if i % 2 == 0 { f.clock.advance(by: 1) }  // pairs made at once: ties broken by id
                let start = Double(i)
                made.append(try await f.frontdesk.createBooking(f.owner, NewBooking(memberID: member.id, lines: [
                    .init(resourceID: room.id, window: .instants(hours(start, start + 2))),
                    .init(resourceID: other.id, window: .instants(hours(start + 3, start + 4))),
                ])).id)
            }
            let inOrder = (0..<3).flatMap { listOrder([made[2 * $0], made[2 * $0 + 1]]) }
            let filters = [
                BookingFilter(resourceID: room.id), BookingFilter(window: hours(0, 60)),
                BookingFilter(resourceID: room.id, window: hours(0, 60)),
                BookingFilter(statuses: [.confirmed], window: hours(0, 60)),
                BookingFilter(memberID: member.id, resourceID: room.id),
            ]
            for filter in filters {
                let pages = try await pageSizes(limit: 2) {
                    try await f.frontdesk.bookings(f.owner, filter: filter, page: $0)
                }
                #expect(pages.sizes == [2, 2, 2], "\(filter)")
                #expect(pages.ids == inOrder, "\(filter)")
            }
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(inOrder[1]))
            let confirmed = try await pageSizes(limit: 2) {
                try await f.frontdesk.bookings(f.owner, filter: BookingFilter(statuses: [.confirmed], resourceID: room.id),
                                               page: $0)
            }
            #expect(confirmed.ids == [inOrder[0]] + inOrder[2...])
        }
    }

    @Test(arguments: Backend.enabled)
    func pagesBreakTiesById(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let member = try await f.makeMember()
            var made: [UUID] = []
            for i in 0..<5 {
                let room = try await f.makeResource(at: try await f.makeLocation(name: "Site \(i)"))
                made.append(try await f.book(member, room, hours(10, 20)).id)
            }
            let all = try await pageSizes(limit: 2) {
                try await f.frontdesk.bookings(f.owner, filter: BookingFilter(), page: $0)
            }
            #expect(all.sizes == [2, 2, 1])
            #expect(all.ids == listOrder(made))
        }
    }
}
