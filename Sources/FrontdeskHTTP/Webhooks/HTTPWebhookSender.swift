import AsyncHTTPClient
import Foundation
import FrontdeskCore
import FrontdeskEngine
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends webhooks with AsyncHTTPClient: no redirects (a redirect could lead anywhere), the
/// attempt's timeout over connect, request and answer, and unless private targets are allowed, a
/// refusal when the host resolves to a private or loopback address. The name is resolved on NIO's
/// thread pool: `getaddrinfo` blocks, and the cooperative threads must not.
public struct HTTPWebhookSender: WebhookSender {
    let client: HTTPClient
    let allowPrivate: Bool

    public init(client: HTTPClient, allowPrivate: Bool) {
        self.client = client
        self.allowPrivate = allowPrivate
    }

    /// The client configuration webhooks need: redirects refused.
    public static var configuration: HTTPClient.Configuration {
        HTTPClient.Configuration(redirectConfiguration: .disallow)
    }

    public func post(
        _ url: String, headers: [(name: String, value: String)], body: Data, timeout: Duration
    ) async -> AttemptOutcome {
        if !allowPrivate, let host = URLComponents(string: url)?.host {
            let addresses = (try? await NIOThreadPool.singleton.runIfActive { HostAddresses.resolve(host) }) ?? []
            if addresses.contains(where: WebhookTarget.isPrivate(host:)) {
                return .failed(reason: "url resolves to a private or loopback address")
            }
        }
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for header in headers { request.headers.add(name: header.name, value: header.value) }
        request.body = .bytes(ByteBuffer(bytes: body))
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
