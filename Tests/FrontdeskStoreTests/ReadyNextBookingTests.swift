import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// `ready_next_booking` on every engine: a check-out readies the next booking of the resource,
/// in the dispatch transaction, once.
@Suite("Ready next booking")
struct ReadyNextBookingTests {
    static func readyNext(_ trigger: EventType, scope: String, id: UUID) -> ActionInput {
        ActionInput(trigger: trigger, type: .readyNextBooking, scope: scope, scopeID: id)
    }

    @Test(arguments: Backend.enabled)
    func aCheckOutReadiesTheNextBookingOfItsResourceOnce(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let (room, other) = (try await f.makeResource(at: location, name: "101"), try await f.makeResource(at: location, name: "102"))
            let member = try await f.makeMember()
            let leaving = try await f.book(member, room, hours(0, 10))
            let cancelled = try await f.book(member, room, hours(12, 13))
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(cancelled.id))
            let next = try await f.book(member, room, hours(14, 30), status: .pending)
            let later = try await f.book(member, room, hours(40, 50))
            let elsewhere = try await f.book(member, other, hours(14, 30))
            // Two actions fire for one check-out: the booking is readied once.
            _ = try await f.frontdesk.createAction(f.owner, Self.readyNext(.checkoutCompleted, scope: "resource", id: room.id))
            _ = try await f.frontdesk.createAction(f.owner, Self.readyNext(.bookingCompleted, scope: "location", id: location.id))

            f.clock.set(hours(1, 2).start)
            _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(leaving.id))
            f.clock.set(hours(9, 10).start)
            let checkedOut = f.now
            _ = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(leaving.id))
            f.clock.advance(by: 5)
            try await f.frontdesk.dispatch()

            let ready = try await f.frontdesk.booking(f.owner, .id(next.id))
            #expect(ready.readyAt == checkedOut && ready.version == next.version + 1 && ready.updatedAt == f.now)
            #expect(ready.status == .pending && ready.lines == next.lines)
            for untouched in [cancelled, later, elsewhere] {
                let now = try await f.frontdesk.booking(f.owner, .id(untouched.id))
                #expect(now.readyAt == nil && now.updatedAt < checkedOut, "\(untouched.number)")
            }
            let readyEvents = try await f.allEvents().filter { $0.type == .bookingReady }
            #expect(readyEvents.map(\.entityID) == [next.id])
            #expect(readyEvents.first?.data == DomainJSON.encode(ready))
            let audit = try await f.frontdesk.bookingAudit(f.owner, .id(next.id)).last
            #expect(audit?.action == "ready" && audit?.actor == .system && audit?.reason == "ready_next_booking")
            #expect(try await f.frontdesk.dispatch() == 0)
        }
    }

    @Test(arguments: Backend.enabled)
    func nothingHappensWithoutANextBooking(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let room = try await f.makeResource(at: location)
            let member = try await f.makeMember()
            let earlier = try await f.book(member, room, hours(0, 10))
            _ = try await f.frontdesk.createAction(f.owner, Self.readyNext(.checkoutCompleted, scope: "location", id: location.id))
            f.clock.set(hours(12, 13).start)
            try await ActionConformanceTests.visit(f, room, member)
            #expect(try await f.frontdesk.dispatch() > 0)

            #expect(try await f.allEvents().filter { $0.type == .bookingReady }.isEmpty)
            #expect(try await f.frontdesk.booking(f.owner, .id(earlier.id)) == earlier)
        }
    }

    @Test(arguments: Backend.enabled)
    func readyingTheNextBookingIsBoundToACheckOut(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let room = try await f.makeResource(at: try await f.makeLocation())
            let error = await expectError("validation_failed") {
                try await f.frontdesk.createAction(f.owner, Self.readyNext(.checkinStarted, scope: "resource", id: room.id))
            }
            guard case .validationFailed(let issues)? = error else { return }
            #expect(issues.map(\.field) == ["trigger"])
            let action = try await f.frontdesk.createAction(f.owner, Self.readyNext(.checkoutStarted, scope: "resource", id: room.id))
            await expectError("validation_failed") {
                try await f.frontdesk.updateAction(f.owner, action.id, ActionInput(trigger: .bookingCreated))
            }
            #expect(try await f.frontdesk.action(f.owner, action.id).trigger == .checkoutStarted)
        }
    }
}
