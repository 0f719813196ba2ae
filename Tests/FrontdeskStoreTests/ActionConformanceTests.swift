import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Synchronization
import Testing

/// Actions on every engine: their CRUD, their dispatch from the outbox (deliveries written once,
/// even by concurrent dispatchers) and the housekeeping flag.
@Suite("Actions")
struct ActionConformanceTests {
    static func webhook(_ trigger: EventType = .checkinStarted, scope: String = "organization", id: UUID? = nil,
                        url: String = "https://hooks.example.com/in") -> ActionInput {
        ActionInput(trigger: trigger, type: .webhook, scope: scope, scopeID: id, url: url)
    }

    /// A walk-in checked in and out on `room`: fires created, started, checkout started and completed.
    static func visit(_ f: StoreFixture, _ room: Resource, _ member: Member) async throws {
        let checkin = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: room.id, memberID: member.id))
        _ = try await f.frontdesk.checkIn(f.owner, checkin.id)
        _ = try await f.frontdesk.checkOut(f.owner, checkin.id)
    }

    static func deliveries(_ f: StoreFixture, _ filter: DeliveryFilter = DeliveryFilter()) async throws -> [WebhookDelivery] {
        try await collectPages { page in try await f.frontdesk.webhookDeliveries(f.owner, filter: filter, page: page) }
    }

    @Test(arguments: Backend.enabled)
    func actionsAreCreatedReadChangedAndDeleted(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let room = try await f.makeResource(at: location)
            let hook = try await f.frontdesk.createAction(f.owner, Self.webhook(scope: "resource", id: room.id))
            #expect(hook.scope == .resource(room.id) && hook.secret?.hasPrefix("whsec_") == true)
            #expect(try await f.frontdesk.action(f.owner, hook.id) == hook)
            let flag = try await f.frontdesk.createAction(f.owner, ActionInput(
                trigger: .checkoutCompleted, type: .flagForCleaning, scope: "location", scopeID: location.id))
            #expect(flag.secret == nil && flag.url == nil)
            #expect(try await collectPages { try await f.frontdesk.actions(f.owner, page: $0) }.map(\.id)
                    == listOrder([hook.id, flag.id]))

            f.clock.advance(by: 60)
            let moved = try await f.frontdesk.updateAction(f.owner, hook.id, ActionInput(
                trigger: .checkoutCompleted, scope: "organization", url: "https://other.example.com/x"))
            #expect(moved.scope == .organization && moved.trigger == .checkoutCompleted && moved.secret == hook.secret)
            #expect(moved.url == "https://other.example.com/x" && moved.updatedAt == f.now)
            await expectError("validation_failed") {
                try await f.frontdesk.updateAction(f.owner, hook.id, ActionInput(type: .flagForCleaning))
            }
            await expectError("validation_failed") {
                try await f.frontdesk.updateAction(f.owner, hook.id, ActionInput(scope: "location"))
            }
            try await f.frontdesk.deleteAction(f.owner, hook.id)
            await expectError("not_found") { try await f.frontdesk.action(f.owner, hook.id) }
            await expectError("not_found") { try await f.frontdesk.deleteAction(f.owner, hook.id) }
        }
    }

    @Test(arguments: Backend.enabled)
    func aScopeMustBeTheOrganizationsAndAWebhookPublic(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let other = try await f.makeOrganization()
            let theirs = try await f.makeLocation(other)
            let error = await expectError("validation_failed") {
                try await f.frontdesk.createAction(f.owner, Self.webhook(scope: "location", id: theirs.id))
            }
            #expect(error == .validationFailed([FieldIssue("scope_id", "is not a location of the organization")]))
            await expectError("validation_failed") {
                try await f.frontdesk.createAction(f.owner, Self.webhook(url: "http://127.0.0.1:8080/hook"))
            }
            await expectError("validation_failed") {
                try await f.frontdesk.createAction(f.owner, ActionInput(trigger: .checkinStarted, type: .webhook))
            }
            await expectError("forbidden") {
                try await f.frontdesk.createAction(Caller(key: try await f.frontdesk.bootstrapKey(name: "desk", role: .frontDesk).key),
                                                   Self.webhook())
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func dispatchWritesOneDeliveryPerMatchingWebhookAndFlagsTheRoom(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let (room, other) = (try await f.makeResource(at: location, name: "101"), try await f.makeResource(at: location, name: "102"))
            let member = try await f.makeMember()
            try await Self.visit(f, room, member)  // before any action: never dispatched
            let everything = try await f.frontdesk.createAction(f.owner, Self.webhook(.checkinStarted))
            let roomOnly = try await f.frontdesk.createAction(f.owner, Self.webhook(.checkoutCompleted, scope: "resource", id: room.id))
            _ = try await f.frontdesk.createAction(f.owner, ActionInput(
                trigger: .checkoutCompleted, type: .flagForCleaning, scope: "location", scopeID: location.id))
            try await Self.visit(f, room, member)
            try await Self.visit(f, other, member)
            func housekeeping() async throws -> [Housekeeping] {
                try await f.frontdesk.availability(f.owner, window: .instants(hours(30, 40)), filter: ResourceFilter())
                    .available.map(\.resource.housekeeping)
            }
            #expect(try await housekeeping() == [.clean, .clean])

            #expect(try await f.frontdesk.dispatch(batchSize: 3) == 8)
            #expect(try await f.frontdesk.dispatch() == 0)
            let deliveries = try await Self.deliveries(f)
            #expect(deliveries.count == 3 && deliveries.allSatisfy { $0.status == .pending && $0.attempts == 0 })
            #expect(try await Self.deliveries(f, DeliveryFilter(actionID: everything.id)).count == 2)
            let mine = try await Self.deliveries(f, DeliveryFilter(actionID: roomOnly.id))
            #expect(mine.map(\.eventType) == [.checkoutCompleted])
            #expect(try await Self.deliveries(f, DeliveryFilter(eventTypes: [.checkoutCompleted])).map(\.id) == mine.map(\.id))
            #expect(try await Self.deliveries(f, DeliveryFilter(eventTypes: [.checkoutCompleted, .checkinStarted])).count
                        == (try await Self.deliveries(f)).filter { [.checkoutCompleted, .checkinStarted].contains($0.eventType) }.count)
            #expect(try await Self.deliveries(f, DeliveryFilter(statuses: [.delivered])).isEmpty)
            #expect(try await Self.deliveries(f, DeliveryFilter(statuses: [.delivered, .pending])).count
                        == (try await Self.deliveries(f)).count)

            let event = try await f.allEvents().first { $0.id == mine[0].eventID }!
            #expect(mine[0].payload == WebhookPayload.body(for: event))
            let payload = try JSONSerialization.jsonObject(with: mine[0].payload) as? [String: Any]
            #expect(payload?["type"] as? String == "checkout_completed" && payload?["id"] as? String == event.id.text)
            #expect((payload?["data"] as? [String: Any])?["resource_id"] as? String == room.id.text)

            #expect(try await f.frontdesk.resource(f.owner, room.id).housekeeping == .dirty)
            #expect(try await f.frontdesk.resource(f.owner, other.id).housekeeping == .dirty)
            #expect(try await housekeeping() == [.dirty, .dirty])
            #expect(try await f.frontdesk.cleanResource(f.owner, room.id).housekeeping == .clean)
            #expect(try await f.frontdesk.resource(f.owner, room.id).housekeeping == .clean)
            #expect(try await housekeeping() == [.clean, .dirty])
        }
    }

    @Test(arguments: Backend.enabled)
    func concurrentDispatchersDeliverEachEventOnce(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let room = try await f.makeResource(at: location)
            let member = try await f.makeMember()
            _ = try await f.frontdesk.createAction(f.owner, Self.webhook(.checkinCreated))
            let second = try await f.makeOrganization(name: "Second")
            let theirRoom = try await f.makeResource(second, at: try await f.makeLocation(second))
            _ = try await f.frontdesk.createAction(second, Self.webhook(.checkinCreated))
            for _ in 0..<20 {
                _ = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: room.id, memberID: member.id))
                _ = try await f.frontdesk.createCheckin(second, CheckinRequest(resourceID: theirRoom.id))
            }
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<6 { group.addTask { try await f.frontdesk.dispatch(batchSize: 3) } }
                return try await group.reduce(0, +)
            }
            #expect(counts == 40)
            let deliveries = try await Self.deliveries(f)
            #expect(deliveries.count == 20 && Set(deliveries.map(\.eventID)).count == 20)
            #expect(try await collectPages { try await f.frontdesk.webhookDeliveries(second, filter: DeliveryFilter(), page: $0) }.count == 20)
        }
    }

    @Test(arguments: Backend.enabled)
    func dueDeliveriesAreClaimedOnceAndRecordTheirOutcome(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let room = try await f.makeResource(at: try await f.makeLocation())
            _ = try await f.frontdesk.createAction(f.owner, Self.webhook(.checkinCreated))
            _ = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: room.id))
            try await f.frontdesk.dispatch()
            let lease = f.now.addingTimeInterval(60)
            let claimed = try await f.store.claimDueDeliveries(now: f.now, leaseUntil: lease, limit: 10)
            #expect(claimed.count == 1 && claimed[0].secret.hasPrefix("whsec_") && claimed[0].delivery.nextAttemptAt == lease)
            #expect(try await f.store.claimDueDeliveries(now: f.now, leaseUntil: lease, limit: 10).isEmpty)
            let id = claimed[0].delivery.id
            let failed = try await f.store.changeDelivery(f.owner.organizationID, id) {
                $0.after(.answered(status: 500), at: f.now, jitter: 0)
            }
            #expect(try await Self.deliveries(f) == [failed])
            let retried = try await f.frontdesk.retryDelivery(f.owner, id)
            #expect(retried.nextAttemptAt == f.now && retried.status == .pending)
            #expect(try await f.store.claimDueDeliveries(now: f.now, leaseUntil: lease, limit: 10).map(\.delivery.id) == [id])
            await expectError("not_found") { try await f.frontdesk.retryDelivery(f.owner, UUID()) }
        }
    }

    /// A manual retry sent while an attempt is in flight wins: the attempt's outcome, which comes
    /// back after it, does not overwrite it.
    @Test(arguments: Backend.enabled)
    func aRetryDuringAnAttemptWins(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let room = try await f.makeResource(at: try await f.makeLocation())
            _ = try await f.frontdesk.createAction(f.owner, Self.webhook(.checkinCreated))
            _ = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: room.id))
            try await f.frontdesk.dispatch()
            let id = try #require(try await Self.deliveries(f).first?.id)
            let sender = HeldSender()
            async let attempted = f.frontdesk.deliverDue(using: sender)
            await sender.waitForAttempt()
            f.clock.advance(by: 5)
            let retried = try await f.frontdesk.retryDelivery(f.owner, id)
            sender.answer(.answered(status: 500))
            #expect(try await attempted == 1)
            #expect(try await Self.deliveries(f) == [retried])
            #expect(retried.status == .pending && retried.nextAttemptAt == f.now && retried.attempts == 0)
            // The retry's own attempt records its outcome as usual.
            let second = HeldSender(answering: .answered(status: 204))
            #expect(try await f.frontdesk.deliverDue(using: second) == 1)
            let delivered = try #require(try await Self.deliveries(f).first)
            #expect(delivered.status == .delivered && delivered.attempts == 1)
        }
    }
}

/// A webhook sender whose answer waits until the test gives it (or answers at once when built with one).
final class HeldSender: WebhookSender {
    private let state = Mutex<(started: Bool, answer: AttemptOutcome?)>((false, nil))

    init(answering answer: AttemptOutcome? = nil) {
        state.withLock { $0.answer = answer }
    }

    func post(_ url: String, headers: [(name: String, value: String)], body: Data, timeout: Duration) async -> AttemptOutcome {
        state.withLock { $0.started = true }
        while true {
            if let answer = state.withLock({ $0.answer }) { return answer }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    func waitForAttempt() async {
        while !state.withLock({ $0.started }) { try? await Task.sleep(for: .milliseconds(5)) }
    }

    func answer(_ outcome: AttemptOutcome) {
        state.withLock { $0.answer = outcome }
    }
}
