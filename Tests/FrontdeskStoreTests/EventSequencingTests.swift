import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskPostgres
import FrontdeskTestSupport
import Testing

/// PostgreSQL numbers events after their writes commit, so an organization's writes commit side by
/// side (`PostgresStore+Sequencing.swift`). The feed keeps its promise all the same: a reader that
/// resumes after the last sequence it saw gets every event once, whichever process wrote it.
@Suite("Event sequencing", .timeLimit(.minutes(2)), .enabled(if: Backend.enabled.contains(.postgres)))
struct EventSequencingTests {
    static let writersPerProcess = 4
    static let writesPerWriter = 12

    /// Two processes on one database, four writers each booking one after the other, while a
    /// reader pages through `events(after:)` a few at a time and a stream on the other process
    /// follows: both see the numbers 1, 2, 3… each once, every booking's event, and each
    /// writer's bookings in the order it made them.
    @Test func concurrentWritersThroughTwoProcessesReachAFollowingReaderOnceInTheirOrder() async throws {
        try await withStore(.postgres) { f in
            let second = (f.store as! PostgresStore).openedAgain()
            do {
                try await Self.race(f, second)
            } catch {
                try await second.shutdown()
                throw error
            }
            try await second.shutdown()
        }
    }

    private static func race(_ f: StoreFixture, _ second: PostgresStore) async throws {
        let elsewhere = Frontdesk(store: second, clock: { f.clock.now }, eventPollInterval: .seconds(3_600))
        let processes = [f.frontdesk, elsewhere]
        let location = try await f.makeLocation()
        let member = try await f.makeMember()
        var rooms: [Resource] = []
        for index in 0..<(2 * writersPerProcess) { rooms.append(try await f.makeResource(at: location, name: "Room \(index)")) }
        // Each booking writes two events: its booking_created and its invoice's invoice_created.
        let total = 2 * rooms.count * writesPerWriter
        var stream = EventFollower(try elsewhere.eventStream(f.owner, after: 0))

        let (frontdesk, owner) = (f.frontdesk, f.owner)
        async let read = Self.follow(frontdesk, owner, until: total)
        // Each writer's bookings, in the order they committed.
        let written = try await withThrowingTaskGroup(of: [UUID].self) { group in
            for (index, room) in rooms.enumerated() {
                let process = processes[index % 2]
                group.addTask {
                    var ids: [UUID] = []
                    for write in 0..<writesPerWriter {
                        let window = hours(Double(write), Double(write) + 1)
                        ids.append(try await process.createBooking(owner, NewBooking(
                            memberID: member.id, lines: [.init(resourceID: room.id, window: .instants(window))])).id)
                    }
                    return ids
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let paged = try await read
        let streamed = try await stream.next(total)
        stream.stop()

        for events in [paged, streamed] {
            #expect(events.map(\.sequence) == Array(1...Int64(total)))
            #expect(Set(events.map(\.id)).count == total)
            let bookings = events.filter { $0.entityType == "booking" }.map(\.entityID)
            #expect(Set(bookings) == Set(written.flatMap { $0 }) && bookings.count == total / 2)
            for ids in written {
                let mine = Set(ids)
                #expect(bookings.filter(mine.contains) == ids, "a writer's bookings in its order")
            }
        }
        #expect(try await f.allEvents() == paged)
    }

    /// Pages through the feed a few events at a time while the writers write, as a client that
    /// resumes after its last sequence does, until `count` events arrived; every page must follow
    /// on from the one before.
    private static func follow(_ frontdesk: Frontdesk, _ caller: Caller, until count: Int) async throws -> [Event] {
        var events: [Event] = []
        while events.count < count {
            let page = try await frontdesk.events(caller, after: events.last?.sequence ?? 0, limit: 5)
            let expected = (events.last?.sequence ?? 0) + 1
            try #require(page.map(\.sequence) == Array(expected..<(expected + Int64(page.count))),
                         "a page of the feed starts right after the last sequence read, with no gap")
            events += page
            if page.isEmpty { try await Task.sleep(for: .milliseconds(2)) }
        }
        return events
    }

    /// A process that stopped between a write's commit and its numbering leaves events without a
    /// sequence; the dispatcher of any process numbers them.
    @Test func theDispatcherNumbersEventsLeftUnnumbered() async throws {
        try await withStore(.postgres) { f in
            let (member, room) = try await f.makeMemberAndRoom()
            _ = try await f.book(member, room, hours(14, 38))
            try await Backend.postgres.execute("""
                INSERT INTO events (id, organization_id, type, entity_type, entity_id, data, created_at)
                SELECT gen_random_uuid(), organization_id, type, entity_type, entity_id, data, created_at FROM events
                """, in: f.test)
            // booking_created and invoice_created, numbered; their copies not yet.
            #expect(try await f.allEvents().map(\.sequence) == [1, 2])
            try await f.frontdesk.dispatch()
            #expect(try await f.allEvents().map(\.sequence) == [1, 2, 3, 4])
        }
    }
}
