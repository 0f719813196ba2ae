import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskPostgres
import FrontdeskTestSupport
import Testing

/// The events as an `AsyncSequence`: stored ones replayed, then live ones as they commit, none
/// missed and none twice. The engines here never poll (an hour between polls), so an event that
/// arrives proves the store's notification woke the stream; the time limit turns a lost one
/// into a failure. It counts from the test's start, making its database included: three minutes,
/// since on a loaded 2-core machine the PostgreSQL tests' databases, copied one after another
/// from one template, took a minute to come.
@Suite("Event streams", .timeLimit(.minutes(3)))
struct EventStreamTests {
    @Test(arguments: Backend.enabled)
    func replaysStoredEventsThenFollowsNewOnes(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let (member, room) = try await f.makeMemberAndRoom()
            for _ in 1...3 { _ = try await f.book(member, room, hours(14, 38)) }

            var follower = EventFollower(try f.withoutPolling().eventStream(f.owner, after: 0))
            // Each booking's invoice_created follows its booking_created.
            #expect(try await follower.next(6).map(\.sequence) == [1, 2, 3, 4, 5, 6])
            let booking = try await f.book(member, room, hours(40, 50))
            #expect(try await follower.next(2).map(\.type) == [.bookingCreated, .invoiceCreated])
            f.clock.set(booking.window.start)  // a line opens on its first day
            _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id))
            let live = try await follower.next(3)
            #expect(live.map(\.sequence) == [9, 10, 11])
            #expect(live.map(\.type) == [.bookingCheckedIn, .checkinCreated, .checkinStarted])
            #expect(live == Array(try await f.allEvents()[8...]))
            follower.stop()
        }
    }

    @Test(arguments: Backend.enabled)
    func resumingAfterASequenceGivesExactlyTheLaterEvents(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let (member, room) = try await f.makeMemberAndRoom()
            var bookings: [Booking] = []
            for _ in 1...4 { bookings.append(try await f.book(member, room, hours(14, 38))) }
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(bookings[0].id))

            let frontdesk = f.withoutPolling()
            // Each booking's invoice_created follows its booking_created (1–8); the cancellation is
            // followed by its invoice's invoice_updated (9, 10).
            var resumed = EventFollower(try frontdesk.eventStream(f.owner, after: 6))
            #expect(try await resumed.next(4).map(\.sequence) == [7, 8, 9, 10])
            var cancellations = EventFollower(try frontdesk.eventStream(f.owner, after: 0, types: [.bookingCancelled]))
            #expect(try await cancellations.next(1).map(\.sequence) == [9])

            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(bookings[1].id))
            #expect(try await resumed.next(2).map(\.type) == [.bookingCancelled, .invoiceUpdated])
            #expect(try await cancellations.next(1).map(\.sequence) == [11])
            resumed.stop()
            cancellations.stop()
        }
    }

    /// Streams of one organization share its feed, which keeps its newest thousand events: live
    /// ones read from it, one left further behind reads the store until it catches up, one that
    /// starts in the middle reads from it; each gets every event once, in order.
    @Test(arguments: Backend.enabled)
    func streamsSharingAFeedEachGetEveryEventOnceEvenFarBehindIt(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let (member, room) = try await f.makeMemberAndRoom()
            let frontdesk = f.withoutPolling()
            var live: [EventFollower] = []
            for _ in 0..<10 { live.append(EventFollower(try frontdesk.eventStream(f.owner, after: 0))) }
            var behind = try frontdesk.eventStream(f.owner, after: 0).makeAsyncIterator()
            _ = try await f.book(member, room, hours(14, 15))
            #expect(try await behind.next()?.sequence == 1)

            // 600 bookings and their invoices: 1,200 events, more than the feed keeps.
            for hour in 0..<600 { _ = try await f.book(member, room, hours(Double(16 + hour), Double(17 + hour))) }
            for index in live.indices {
                #expect(try await live[index].next(1_202).map(\.sequence) == Array(1...1_202))
                live[index].stop()
            }
            var caughtUp: [Int64] = []
            while caughtUp.count < 1_201, let event = try await behind.next() { caughtUp.append(event.sequence) }
            #expect(caughtUp == Array(2...1_202))
            var middle = EventFollower(try frontdesk.eventStream(f.owner, after: 1_100))
            #expect(try await middle.next(102).map(\.sequence) == Array(1_101...1_202))
            _ = try await f.book(member, room, hours(700, 701))
            #expect(try await middle.next(2).map(\.sequence) == [1_203, 1_204])
            #expect(try await behind.next()?.sequence == 1_203)
            middle.stop()
        }
    }

    @Test(arguments: Backend.enabled)
    func aStreamSeesOnlyItsOrganizationAndNeedsEventRead(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let other = try await f.makeOrganization()
            let (member, room) = try await f.makeMemberAndRoom()
            let (otherMember, otherRoom) = try await f.makeMemberAndRoom(other)

            var follower = EventFollower(try f.withoutPolling().eventStream(other, after: 0))
            _ = try await f.book(member, room, hours(14, 38))
            let theirs = try await f.book(other, otherMember, otherRoom, hours(14, 38))
            #expect(try await follower.next(1).map(\.entityID) == [theirs.id])
            follower.stop()

            let kiosk = try await f.frontdesk.createKey(f.owner, name: "kiosk", role: .kiosk)
            #expect(throws: FrontdeskError.forbidden(missing: .eventRead)) {
                try f.frontdesk.eventStream(Caller(key: kiosk.key), after: 0)
            }
            #expect(throws: FrontdeskError.self) { try f.frontdesk.eventStream(f.owner, after: -1) }
        }
    }

    /// Two `frontdesk serve` processes on one database: each process's streams receive the
    /// events written through the other, woken by PostgreSQL's notifications.
    @Test(.enabled(if: Backend.enabled.contains(.postgres)))
    func postgresStreamsReceiveEventsWrittenThroughAnotherProcess() async throws {
        try await withStore(.postgres) { f in
            let second = (f.store as! PostgresStore).openedAgain()
            let elsewhere = Frontdesk(store: second, clock: { f.clock.now }, eventPollInterval: .seconds(3_600))
            do {
                let (member, room) = try await f.makeMemberAndRoom()
                var here = EventFollower(try f.withoutPolling().eventStream(f.owner, after: 0))
                var there = EventFollower(try elsewhere.eventStream(f.owner, after: 0))
                let booking = try await elsewhere.createBooking(f.owner, NewBooking(
                    memberID: member.id, lines: [.init(resourceID: room.id, window: .instants(hours(14, 38)))]))
                let invoice = try #require(try await elsewhere.invoices(
                    f.owner, filter: InvoiceFilter(bookingID: booking.id), page: PageRequest()).items.first)
                #expect(try await here.next(2).map(\.entityID) == [booking.id, invoice.id])
                #expect(try await there.next(2).map(\.entityID) == [booking.id, invoice.id])
                _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(booking.id))
                #expect(try await there.next(2).map(\.type) == [.bookingCancelled, .invoiceUpdated])
                #expect(try await here.next(2).map(\.type) == [.bookingCancelled, .invoiceUpdated])
                here.stop()
                there.stop()
            } catch {
                try await second.shutdown()
                throw error
            }
            try await second.shutdown()
        }
    }
}

extension StoreFixture {
    /// The engine over the same store, with streams woken only by the store's notifications.
    func withoutPolling() -> Frontdesk {
        Frontdesk(store: store, clock: { clock.now }, eventPollInterval: .seconds(3_600))
    }

    func makeMemberAndRoom(_ caller: Caller? = nil) async throws -> (Member, Resource) {
        let location = try await makeLocation(caller)
        return (try await makeMember(caller), try await makeResource(caller, at: location, capacity: 10))
    }
}
