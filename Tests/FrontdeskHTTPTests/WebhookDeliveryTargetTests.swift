import AsyncHTTPClient
import Foundation
import FrontdeskCore
import FrontdeskEngine
@testable import FrontdeskHTTP
import FrontdeskTestSupport
import Synchronization
import Testing

/// At delivery, with private targets refused, the host is resolved once, every address is
/// checked, and the connection goes to the address that was checked.
@Suite struct WebhookDeliveryTargetTests {
    static let loopback = IPAddress(ipv4: 0x7f00_0001)
    static let public1 = IPAddress(ipv4: 0x5db8_d822)  // 93.184.216.34

    /// The names a test resolver was asked for.
    final class Lookups: Sendable {
        private let names = Mutex<[String]>([])
        var all: [String] { names.withLock { $0 } }
        func record(_ name: String) { names.withLock { $0.append(name) } }
    }

    /// A sender refusing private targets whose names resolve to `addresses`; records its look-ups.
    static func withStrictSender(
        resolving addresses: [IPAddress], _ body: (HTTPWebhookSender, Lookups) async throws -> Void
    ) async throws {
        let lookups = Lookups()
        try await WebhookEndToEndTests.withSender { shared in
            let sender = HTTPWebhookSender(client: shared.client, allowPrivate: false) { host in
                lookups.record(host)
                return addresses
            }
            try await body(sender, lookups)
        }
    }

    /// An engine refusing private targets over the store of `desk` (which was allowed to write them).
    static func strict(_ desk: WebhookEndToEndTests.Desk, _ store: any FrontdeskStore) -> Frontdesk {
        Frontdesk(store: store, clock: { desk.clock.now }, allowPrivateWebhooks: false)
    }

    @Test(arguments: Backend.enabled)
    func aStoredLocalhostURLFailsWithAReasonAndReachesNoOne(_ backend: Backend) async throws {
        let receiver = WebhookReceiver()
        try await receiver.run { url in try await withTestStore(backend) { test in
            let desk = try await WebhookEndToEndTests.Desk.open(test.store)  // allowed: bypasses the write check
            _ = try await WebhookEndToEndTests.checkinWithWebhook(desk, url: url.replacingOccurrences(of: "127.0.0.1", with: "localhost"))
            try await desk.frontdesk.dispatch()
            try await WebhookEndToEndTests.withSender(allowPrivate: false) { sender in
                let attempted = try await Self.strict(desk, test.store).deliverDue(using: sender)
                #expect(attempted == 1)
            }
            let delivery = try #require(try await WebhookEndToEndTests.deliveries(desk).first)
            #expect(delivery.status == .pending && delivery.attempts == 1 && delivery.lastStatusCode == nil)
            #expect(delivery.lastError == "url \(WebhookTarget.privateHost)")
            #expect(receiver.received.isEmpty)
        } }
    }

    @Test(arguments: Backend.enabled)
    func aNameResolvingToLoopbackAmongPublicAddressesIsRefusedAtDelivery(_ backend: Backend) async throws {
        let receiver = WebhookReceiver()
        try await receiver.run { url in try await withTestStore(backend) { test in
            let desk = try await WebhookEndToEndTests.Desk.open(test.store)
            let named = url.replacingOccurrences(of: "127.0.0.1", with: "hooks.frontdesk.test")
            #expect(WebhookTarget.problem(named, allowPrivate: false) == nil)  // a name passes when written
            _ = try await WebhookEndToEndTests.checkinWithWebhook(desk, url: named)
            try await desk.frontdesk.dispatch()
            try await Self.withStrictSender(resolving: [Self.public1, Self.loopback]) { sender, lookups in
                let attempted = try await Self.strict(desk, test.store).deliverDue(using: sender)
                #expect(attempted == 1 && lookups.all == ["hooks.frontdesk.test"])
            }
            let delivery = try #require(try await WebhookEndToEndTests.deliveries(desk).first)
            #expect(delivery.attempts == 1 && delivery.lastError == WebhookDestination.resolvesPrivate)
            #expect(receiver.received.isEmpty)
        } }
    }

    @Test func hostileURLsAreRefusedBeforeAnyConnection() async throws {
        let receiver = WebhookReceiver()
        try await receiver.run { url in
            let port = try #require(URL(string: url)?.port)
            try await Self.withStrictSender(resolving: [Self.loopback]) { sender, lookups in
                for host in ["[::ffff:7f00:1]", "[0:0:0:0:0:0:0:1]", "[0::1]", "2130706433", "0x7f000001", "017700000001",
                             "127.1", "127.0.0.1.", "localhost", "localhost.", "LOCALHOST", "[::127.0.0.1]", "[64:ff9b::7f00:1]",
                             "loopback.frontdesk.test"] {
                    let outcome = await sender.post("http://\(host):\(port)/hook", headers: [], body: Data("{}".utf8),
                                                    timeout: .patience)
                    guard case .failed(let reason) = outcome else { Issue.record("\(host): \(outcome)"); continue }
                    #expect(reason.contains("private or loopback"), "\(host): \(reason)")
                }
                #expect(lookups.all == ["loopback.frontdesk.test"])  // only a name other than localhost is looked up
            }
            #expect(receiver.received.isEmpty)
        }
    }

    @Test func theDestinationIsDecidedOnceFromTheCheckedAddress() async {
        func destination(_ url: String, _ addresses: [IPAddress] = []) async -> WebhookDestination {
            await WebhookDestination.of(url) { _ in addresses }
        }
        #expect(await destination("http://93.184.216.34/x") == .asWritten)
        #expect(await destination("http://[2606:4700::1111]:8443/x") == .asWritten)
        #expect(await destination("http://0x5db8d822/x") == .pinned(host: "0x5db8d822", address: Self.public1))
        #expect(await destination("https://hooks.example.com/x", [Self.public1]) == .pinned(host: "hooks.example.com", address: Self.public1))
        #expect(await destination("https://hooks.example.com/x", [Self.public1, Self.loopback]) == .refused(reason: WebhookDestination.resolvesPrivate))
        #expect(await destination("https://hooks.example.com/x") == .refused(reason: "url host hooks.example.com does not resolve"))
        #expect(await destination("http+unix://%2Ftmp%2Fs/x") == .refused(reason: "url \(WebhookTarget.notHTTP)"))
        #expect(await destination("http://[fe80::1%25eth0]/") == .refused(reason: "url \(WebhookTarget.invalidHost)"))
    }

    /// The pinned client connects to the checked address and resolves nothing: a `.invalid` name
    /// (which no resolver answers) reaches the receiver. (The client keeps the name for `Host` and SNI.)
    @Test func aPinnedNameIsConnectedToTheCheckedAddressWithItsNameKept() async throws {
        let receiver = WebhookReceiver()
        try await receiver.run { url in
            let port = try #require(URL(string: url)?.port)
            try await WebhookEndToEndTests.withSender(allowPrivate: false) { sender in
                let request = HTTPWebhookSender.request("http://receiver.frontdesk.invalid:\(port)/hook", headers: [],
                                                        body: Data("{}".utf8))
                let outcome = await sender.send(request, timeout: .patience, pinning: "receiver.frontdesk.invalid", to: Self.loopback)
                #expect(outcome == .answered(status: 204))
            }
            #expect(receiver.received.count == 1)
        }
    }
}
