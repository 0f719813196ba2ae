import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// Retention: events and audit entries older than the age are purged a batch at a time, and the
/// event feed and the action dispatcher read on after a purge as before.
@Suite("Retention")
struct RetentionTests {
    static let day: TimeInterval = 86_400

    @Test(arguments: Backend.enabled)
    func purgesWhatIsOlderThanTheAgeAndTheFeedReadsOn(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let (room, other) = (try await f.makeResource(at: location), try await f.makeResource(at: location, name: "Other"))
            let member = try await f.makeMember()
            let old = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: room.id, memberID: member.id))
            _ = try await f.frontdesk.checkIn(f.owner, old.id)
            f.clock.advance(by: 10 * Self.day)
            // Another member: the first is still in (`OpenVisits`).
            try await ActionConformanceTests.visit(f, other, try await f.makeMember(name: "Grace Hopper"))
            let before = try await f.allEvents()
            try #require(before.map(\.sequence) == Array(1...6))

            // One at a time: the old checkin's two events and two audit entries.
            let purged = try await f.frontdesk.purge(olderThan: .seconds(5 * Self.day), batch: 1)
            #expect(purged.events == 2 && purged.auditEntries == 2)
            #expect(try await f.allEvents() == Array(before.dropFirst(2)))
            // A reader resuming before the oldest kept event gets what is left; after a kept one, the rest.
            #expect(try await f.frontdesk.events(f.owner, after: 1, limit: 100).map(\.sequence) == [3, 4, 5, 6])
            #expect(try await f.frontdesk.events(f.owner, after: 4, limit: 100).map(\.sequence) == [5, 6])
            #expect(try await f.frontdesk.checkinAudit(f.owner, old.id).isEmpty)
            #expect(try await f.store.auditEntries(Organization.defaultID, entityID: before[2].entityID).count == 3)

            // Everything old: the newest event stays, and the next one follows it.
            f.clock.advance(by: 10 * Self.day)
            let all = try await f.frontdesk.purge(olderThan: .seconds(5 * Self.day), batch: 2)
            #expect(all.events == 3 && all.auditEntries == 3)
            #expect(try await f.allEvents().map(\.sequence) == [6])
            _ = try await f.frontdesk.checkOut(f.owner, old.id)
            #expect(try await f.allEvents().map(\.sequence) == [6, 7, 8])
            // Once newer ones follow it, the old newest event goes too.
            #expect(try await f.frontdesk.purge(olderThan: .seconds(5 * Self.day)) == (1, 0))
            #expect(try await f.allEvents().map(\.sequence) == [7, 8])
        }
    }

    @Test(arguments: Backend.enabled)
    func keepsTheEventsActionsHaveNotDispatched(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let room = try await f.makeResource(at: try await f.makeLocation())
            let member = try await f.makeMember()
            _ = try await f.frontdesk.createAction(f.owner, ActionConformanceTests.webhook(.checkoutCompleted))
            try await ActionConformanceTests.visit(f, room, member)
            try await ActionConformanceTests.visit(f, room, member)
            f.clock.advance(by: 10 * Self.day)

            #expect(try await f.frontdesk.purge(olderThan: .seconds(Self.day)) == (0, 6))
            #expect(try await f.allEvents().count == 8)
            try await f.frontdesk.dispatch()
            #expect(try await ActionConformanceTests.deliveries(f).count == 2)
            // Dispatched: all but the newest go, and the dispatcher carries on from its cursor.
            #expect(try await f.frontdesk.purge(olderThan: .seconds(Self.day)).events == 7)
            try await ActionConformanceTests.visit(f, room, member)
            try await f.frontdesk.dispatch()
            #expect(try await ActionConformanceTests.deliveries(f).count == 3)
        }
    }
}
