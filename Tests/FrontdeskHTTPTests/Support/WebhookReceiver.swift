import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization

/// A real HTTP server on 127.0.0.1 that records the webhooks it receives and answers them with
/// the statuses it is told to (then 204).
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        var headers: [String: String]
        var body: Data

        /// Whether `Frontdesk-Signature` is `t=…,v1=…` with v1 the HMAC of `"<t>.<body>"` under `secret`.
        func isSigned(with secret: String) -> Bool {
            let parts = Dictionary(uniqueKeysWithValues: (headers["Frontdesk-Signature"] ?? "")
                .split(separator: ",").compactMap { part -> (String, String)? in
                    let pair = part.split(separator: "=", maxSplits: 1)
                    return pair.count == 2 ? (String(pair[0]), String(pair[1])) : nil
                })
            guard let t = parts["t"], let v1 = parts["v1"] else { return false }
            let code = HMAC<SHA256>.authenticationCode(for: Data("\(t).".utf8) + body,
                                                       using: SymmetricKey(data: Data(secret.utf8)))
            return code.map { String(format: "%02x", $0) }.joined() == v1
        }

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    private let state = Mutex<(received: [Received], statuses: [Int])>(([], []))

    var received: [Received] { state.withLock { $0.received } }

    /// Answers the next requests with `statuses`, in order.
    func fail(with statuses: [Int]) { state.withLock { $0.statuses = statuses } }

    /// Runs `body` with the receiver listening; `body` gets the URL to send webhooks to.
    func run(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName.split(separator: "-").map(\.capitalized).joined(separator: "-")] = field.value }
            let status = self.state.withLock { state -> Int in
                state.received.append(Received(headers: headers, body: Data(bytes.readableBytesView)))
                return state.statuses.isEmpty ? 204 : state.statuses.removeFirst()
            }
            return Response(status: .init(code: status))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(client.port!)/hook")
        }
    }

    /// Waits until `count` requests arrived (at most `timeout`).
    func wait(for count: Int, timeout: Duration = .seconds(15)) async throws {
        let deadline = ContinuousClock.now + timeout
        while received.count < count && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
    }
}
