import AsyncHTTPClient
import Foundation
import FrontdeskCore
import FrontdeskEngine
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends webhooks with AsyncHTTPClient: no redirects (a redirect could lead anywhere), the
/// attempt's timeout over connect, request and answer. Unless private targets are allowed, the
/// host is resolved once (on NIO's thread pool: `getaddrinfo` blocks, and the cooperative threads
/// must not), refused if any address is not public, and the connection is made to the address
/// that was checked (`WebhookDestination`): a name goes through a client of its own whose
/// `dnsOverride` pins it to that address, keeping the name for the `Host` header and TLS.
public struct HTTPWebhookSender: WebhookSender {
    let client: HTTPClient
    let allowPrivate: Bool
    let resolve: @Sendable (String) async -> [IPAddress]

    public init(client: HTTPClient, allowPrivate: Bool) {
        self.init(client: client, allowPrivate: allowPrivate) { host in
            (try? await NIOThreadPool.singleton.runIfActive { HostAddresses.resolve(host) }) ?? []
        }
    }

    /// A sender whose names are looked up by `resolve` (tests: a name resolving where they say).
    init(client: HTTPClient, allowPrivate: Bool, resolve: @escaping @Sendable (String) async -> [IPAddress]) {
        self.client = client
        self.allowPrivate = allowPrivate
        self.resolve = resolve
    }

    /// The client configuration webhooks need: redirects refused.
    public static var configuration: HTTPClient.Configuration {
        HTTPClient.Configuration(redirectConfiguration: .disallow)
    }

    public func post(
        _ url: String, headers: [(name: String, value: String)], body: Data, timeout: Duration
    ) async -> AttemptOutcome {
        let request = Self.request(url, headers: headers, body: body)
        if allowPrivate { return await send(request, timeout: timeout, via: client) }
        switch await WebhookDestination.of(url, resolve: resolve) {
        case .refused(let reason):
            return .failed(reason: reason)
        case .asWritten:
            return await send(request, timeout: timeout, via: client)
        case .pinned(let host, let address):
            return await send(request, timeout: timeout, pinning: host, to: address)
        }
    }

    /// `POST url` with `headers` and `body`.
    static func request(_ url: String, headers: [(name: String, value: String)], body: Data) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for header in headers { request.headers.add(name: header.name, value: header.value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        return request
    }

    /// Sends `request` through a short-lived client that connects to `address` whenever the URL's
    /// host is `host`, without resolving it; the client is shut down after, whatever the outcome.
    func send(_ request: HTTPClientRequest, timeout: Duration, pinning host: String, to address: IPAddress) async -> AttemptOutcome {
        var configuration = Self.configuration
        configuration.dnsOverride = [host: address.description]
        let pinned = HTTPClient(eventLoopGroup: client.eventLoopGroup, configuration: configuration)
        let outcome = await send(request, timeout: timeout, via: pinned)
        try? await pinned.shutdown()
        return outcome
    }

    func send(_ request: HTTPClientRequest, timeout: Duration, via client: HTTPClient) async -> AttemptOutcome {
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000))
            // The answer's body is not read beyond what frees the connection.
            _ = try? await response.body.collect(upTo: 64 * 1024)
            return .answered(status: Int(response.status.code))
        } catch {
            return .failed(reason: String(describing: error))
        }
    }
}
