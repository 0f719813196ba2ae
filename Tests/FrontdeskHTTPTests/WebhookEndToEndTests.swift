import AsyncHTTPClient
import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskHTTP
import FrontdeskTestSupport
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// Webhooks leaving the process for a real receiver on 127.0.0.1: signed, retried until the
/// receiver recovers, and delivered by a server started again after the one that committed.
@Suite struct WebhookEndToEndTests {
    /// An engine over `store`, with a clock the test moves, allowed to call 127.0.0.1.
    struct Desk: Sendable {
        let frontdesk: Frontdesk
        let owner: Caller
        let clock: MovableClock

        static func open(_ store: any FrontdeskStore) async throws -> Desk {
            let clock = MovableClock()
            let frontdesk = Frontdesk(store: store, clock: { clock.now }, allowPrivateWebhooks: true)
            let owner = Caller(key: try await frontdesk.bootstrapKey(name: "owner", role: .owner).key)
            return Desk(frontdesk: frontdesk, owner: owner, clock: clock)
        }
    }

    /// A room, a webhook on `checkin_created` to `url`, and a checkin that fires it; returns the secret.
    static func checkinWithWebhook(_ desk: Desk, url: String) async throws -> String {
        let location = try await desk.frontdesk.createLocation(desk.owner, LocationInput(name: "Main"))
        let room = try await desk.frontdesk.createResource(desk.owner, ResourceInput(
            locationID: location.id, name: "101", kind: "room", capacity: 1, rateAmount: 100, rateUnit: .night))
        let action = try await desk.frontdesk.createAction(desk.owner, ActionInput(
            trigger: .checkinCreated, type: .webhook, scope: "resource", scopeID: room.id, url: url))
        _ = try await desk.frontdesk.createCheckin(desk.owner, CheckinRequest(resourceID: room.id))
        return try #require(action.secret)
    }

    static func withSender(allowPrivate: Bool = true, _ body: (HTTPWebhookSender) async throws -> Void) async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPWebhookSender.configuration)
        do {
            try await body(HTTPWebhookSender(client: client, allowPrivate: allowPrivate))
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    static func deliveries(_ desk: Desk) async throws -> [WebhookDelivery] {
        try await desk.frontdesk.webhookDeliveries(desk.owner, filter: DeliveryFilter(), page: PageRequest()).items
    }

    /// A name is checked as it is about to be called, not only as it was written: one that
    /// resolves to loopback is refused without a connection.
    @Test func aNameResolvingToLoopbackIsRefusedAtSendTime() async throws {
        let receiver = WebhookReceiver()
        try await receiver.run { url in
            let local = url.replacingOccurrences(of: "127.0.0.1", with: "localhost")
            try await Self.withSender(allowPrivate: false) { sender in
                let outcome = await sender.post(local, headers: [], body: Data("{}".utf8), timeout: .patience)
                #expect(outcome == .failed(reason: "url resolves to a private or loopback address"))
            }
            try await Self.withSender(allowPrivate: true) { sender in
                #expect(await sender.post(local, headers: [], body: Data("{}".utf8), timeout: .patience) == .answered(status: 204))
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func aDeliveryArrivesSignedWithTheEventAsTheAPIShowsIt(_ backend: Backend) async throws {
        let receiver = WebhookReceiver()
        try await receiver.run { url in try await withTestStore(backend) { test in
            let desk = try await Desk.open(test.store)
            let secret = try await Self.checkinWithWebhook(desk, url: url)
            try await desk.frontdesk.dispatch()
            try await Self.withSender { sender in
                let attempted = try await desk.frontdesk.deliverDue(using: sender)
                #expect(attempted == 1)
            }
            let received = try #require(receiver.received.first)
            #expect(receiver.received.count == 1 && received.isSigned(with: secret))
            #expect(!received.isSigned(with: secret + "x"))
            let delivery = try #require(try await Self.deliveries(desk).first)
            #expect(delivery.status == .delivered && delivery.attempts == 1 && delivery.lastStatusCode == 204)
            #expect(received.headers["Frontdesk-Event"] == "checkin_created")
            #expect(received.headers["Frontdesk-Delivery"] == delivery.id.text)
            #expect(received.headers["Content-Type"] == "application/json")
            let event = try #require(try await desk.frontdesk.events(desk.owner, after: 0, limit: 10).last)
            #expect(received.json["id"] as? String == event.id.text && received.json["type"] as? String == "checkin_created")
            #expect(received.json["created_at"] as? String == InstantFormat.string(from: event.createdAt))
            #expect((received.json["data"] as? [String: Any])?["state"] as? String == "pending")
        } }
    }

    /// More deliveries due than a round attempts are all attempted in one call, a round at a time.
    @Test(arguments: Backend.enabled)
    func everyDueDeliveryIsAttemptedInRoundsOfTheLimit(_ backend: Backend) async throws {
        let receiver = WebhookReceiver()
        try await receiver.run { url in try await withTestStore(backend) { test in
            let desk = try await Desk.open(test.store)
            let location = try await desk.frontdesk.createLocation(desk.owner, LocationInput(name: "Main"))
            let room = try await desk.frontdesk.createResource(desk.owner, ResourceInput(
                locationID: location.id, name: "101", kind: "room", capacity: 50, rateAmount: 100, rateUnit: .night))
            _ = try await desk.frontdesk.createAction(desk.owner, ActionInput(
                trigger: .checkinCreated, type: .webhook, scope: "resource", scopeID: room.id, url: url))
            for _ in 0..<7 { _ = try await desk.frontdesk.createCheckin(desk.owner, CheckinRequest(resourceID: room.id)) }
            try await desk.frontdesk.dispatch()
            try await Self.withSender { sender in
                let attempted = try await desk.frontdesk.deliverDue(using: sender, limit: 3)  // rounds of 3, 3 and 1
                #expect(attempted == 7)
                #expect(try await desk.frontdesk.deliverDue(using: sender, limit: 3) == 0)
            }
            #expect(receiver.received.count == 7)
            #expect(try await Self.deliveries(desk).allSatisfy { $0.status == .delivered })
        } }
    }

    @Test(arguments: Backend.enabled)
    func aFailingReceiverThatRecoversGetsTheDeliveryOnRetry(_ backend: Backend) async throws {
        let receiver = WebhookReceiver()
        receiver.fail(with: [503, 500])
        try await receiver.run { url in try await withTestStore(backend) { test in
            let desk = try await Desk.open(test.store)
            _ = try await Self.checkinWithWebhook(desk, url: url)
            try await desk.frontdesk.dispatch()
            try await Self.withSender { sender in
                try await desk.frontdesk.deliverDue(using: sender)
                var delivery = try #require(try await Self.deliveries(desk).first)
                #expect(delivery.status == .pending && delivery.attempts == 1 && delivery.lastStatusCode == 503)
                #expect(try await desk.frontdesk.deliverDue(using: sender) == 0)  // not due yet

                desk.clock.advance(by: 16)  // past the first backoff (10 s + jitter)
                #expect(try await desk.frontdesk.deliverDue(using: sender) == 1)
                delivery = try #require(try await Self.deliveries(desk).first)
                #expect(delivery.status == .pending && delivery.attempts == 2 && delivery.lastStatusCode == 500)

                // The manual retry sends it now, and the receiver has recovered.
                _ = try await desk.frontdesk.retryDelivery(desk.owner, delivery.id)
                #expect(try await desk.frontdesk.deliverDue(using: sender) == 1)
                delivery = try #require(try await Self.deliveries(desk).first)
                #expect(delivery.status == .delivered && delivery.attempts == 3)
            }
            #expect(receiver.received.count == 3)
            #expect(Set(receiver.received.map { $0.headers["Frontdesk-Delivery"] }).count == 1)
        } }
    }

    @Test(arguments: Backend.enabled)
    func aServerStartedAgainDeliversWhatTheStoppedOneCommitted(_ backend: Backend) async throws {
        let receiver = WebhookReceiver()
        try await receiver.run { url in try await withTestStore(backend) { test in
            let stopped = try test.openedAgain()
            let first = try await Desk.open(stopped)
            let secret = try await Self.checkinWithWebhook(first, url: url)
            try await stopped.shutdown()  // stopped after the commit, before any dispatch

            let store = try test.openedAgain()
            try await store.verifySchema()
            let frontdesk = Frontdesk(store: store, allowPrivateWebhooks: true)
            let app = try await buildApplication(frontdesk: frontdesk, configuration: ServerConfiguration(
                sweepInterval: nil, actionInterval: .milliseconds(50), logLevel: .error))
            try await app.test(.router) { _ in try await receiver.wait(for: 1) }
            #expect(receiver.received.count == 1 && receiver.received[0].isSigned(with: secret))
            try await store.shutdown()
        } }
    }
}

/// The engine's clock, moved by the test.
final class MovableClock: Sendable {
    private let instant = Mutex(Date())

    var now: Date { instant.withLock { $0 } }

    func advance(by seconds: TimeInterval) { instant.withLock { $0 += seconds } }
}
