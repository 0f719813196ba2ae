import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// The outbox: one event per change, numbered per organization, read in pages.
@Suite("Events")
struct EventConformanceTests {
    @Test(arguments: Backend.enabled)
    func eachChangeAppendsOneNumberedEvent(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let room = try await f.makeResource(at: location)
            let member = try await f.makeMember()
            #expect(try await f.allEvents().isEmpty)

            let created = try await f.book(member, room, hours(14, 38))
            f.clock.advance(by: 60)
            let checkedIn = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(created.id))
            f.clock.advance(by: 60)
            let noted = try await f.frontdesk.updateBooking(f.owner, .id(created.id), BookingPatch(notes: "towels"))
            f.clock.advance(by: 60)
            let completed = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(created.id))
            let other = try await f.book(member, room, hours(40, 50), status: .pending)

            // The check-in and check-out also move the line's checkin, and each booking's invoice
            // follows it (made with it, finalized at its completion): numbered in between.
            let all = try await f.allEvents()
            #expect(all.map(\.sequence) == Array(1...12))
            #expect(all.map(\.type) == [
                .bookingCreated, .invoiceCreated, .bookingCheckedIn, .checkinCreated, .checkinStarted, .bookingUpdated,
                .bookingCompleted, .checkoutStarted, .checkoutCompleted, .invoiceFinalized,
                .bookingCreated, .invoiceCreated,
            ])
            let events = try await f.bookingEvents()
            #expect(events.map(\.sequence) == [1, 3, 6, 7, 11])
            #expect(events.map(\.type) == [.bookingCreated, .bookingCheckedIn, .bookingUpdated, .bookingCompleted,
                                           .bookingCreated])
            #expect(events.map(\.entityID) == [created.id, created.id, created.id, created.id, other.id])
            #expect(events.allSatisfy { $0.entityType == "booking" && $0.organizationID == Organization.defaultID })
            #expect(Set(events.map(\.id)).count == 5)
            #expect(events.map(\.createdAt) == [0, 60, 120, 180, 180].map { StoreFixture.start + Double($0) })
            for (event, booking) in zip(events, [created, checkedIn, noted, completed, other]) {
                #expect(sameJSON(event.data, DomainJSON.encode(booking)), "event \(event.sequence)")
            }
            #expect(jsonObject(events[3].data)?["status"] as? String == "completed")
        }
    }

    @Test(arguments: Backend.enabled)
    func eventsReadInPagesAfterASequence(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let room = try await f.makeResource(at: location, capacity: 10)
            let member = try await f.makeMember()
            for _ in 1...7 { _ = try await f.book(member, room, hours(14, 38)) }

            #expect(try await f.frontdesk.events(f.owner, after: 0, limit: 3).map(\.sequence) == [1, 2, 3])
            #expect(try await f.frontdesk.events(f.owner, after: 3, limit: 3).map(\.sequence) == [4, 5, 6])
            // Each booking's invoice_created follows its booking_created: 14 events.
            #expect(try await f.frontdesk.events(f.owner, after: 6, limit: 3).map(\.sequence) == [7, 8, 9])
            #expect(try await f.frontdesk.events(f.owner, after: 12, limit: 3).map(\.sequence) == [13, 14])
            #expect(try await f.frontdesk.events(f.owner, after: 14, limit: 3).isEmpty)
            #expect(try await f.frontdesk.events(f.owner, after: 100, limit: 3).isEmpty)
            #expect(try await f.frontdesk.events(f.owner, after: 2, limit: 1).map(\.sequence) == [3])

            // Paging by the last sequence seen reads each event once.
            var seen: [Int64] = []
            var last: Int64 = 0
            while true {
                let page = try await f.frontdesk.events(f.owner, after: last, limit: 2)
                guard let tail = page.last else { break }
                seen += page.map(\.sequence)
                last = tail.sequence
            }
            #expect(seen == Array(1...14))
        }
    }

    @Test(arguments: Backend.enabled)
    func eachOrganizationHasItsOwnSequence(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let member = try await f.makeMember()
            let room = try await f.makeResource(at: try await f.makeLocation())
            let b = try await f.makeOrganization()
            let theirMember = try await f.makeMember(b)
            let theirRoom = try await f.makeResource(b, at: try await f.makeLocation(b))

            let a1 = try await f.book(member, room, hours(14, 38))
            let b1 = try await f.book(b, theirMember, theirRoom, hours(14, 38))
            let a2 = try await f.book(member, room, hours(40, 50))
            _ = try await f.frontdesk.perform(b, .cancel, on: .id(b1.id))
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(a1.id))

            func invoiceID(_ caller: Caller, _ booking: Booking) async throws -> UUID {
                try #require(try await f.frontdesk.invoices(
                    caller, filter: InvoiceFilter(bookingID: booking.id), page: PageRequest()).items.first).id
            }
            let (a1Invoice, a2Invoice, b1Invoice) = (try await invoiceID(f.owner, a1), try await invoiceID(f.owner, a2),
                                                     try await invoiceID(b, b1))
            let ours = try await f.allEvents()
            let theirs = try await f.allEvents(b)
            #expect(ours.map(\.sequence) == [1, 2, 3, 4, 5, 6])
            #expect(ours.map(\.entityID) == [a1.id, a1Invoice, a2.id, a2Invoice, a1.id, a1Invoice])
            #expect(theirs.map(\.sequence) == [1, 2, 3, 4])
            #expect(theirs.map(\.type) == [.bookingCreated, .invoiceCreated, .bookingCancelled, .invoiceUpdated])
            #expect(theirs.map(\.entityID) == [b1.id, b1Invoice, b1.id, b1Invoice])
            #expect(theirs.allSatisfy { $0.organizationID == b.organizationID })
        }
    }
}
