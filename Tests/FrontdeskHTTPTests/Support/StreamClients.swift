import AsyncHTTPClient
import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// One Server-Sent Events message as a client parses it.
struct SSEMessage: Equatable {
    var event: String?
    var id: Int64?
    var data: String

    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] ?? [:] }
}

/// Real network clients of the live streams of a `.live` test server.
enum StreamClients {
    /// Opens `path` as an event stream over a real connection, reads `count` messages (comments
    /// skipped) and disconnects. Without a `key`, the path carries one (`access_token`).
    static func readSSE(
        port: Int, key: String?, _ path: String, headers: [String: String] = [:], count: Int
    ) async throws -> [SSEMessage] {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        if let key { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        precondition(response.status == .ok, "stream answered \(response.status)")
        var messages: [SSEMessage] = []
        var text = ""
        for try await buffer in response.body {
            text += String(buffer: buffer)
            while let end = text.range(of: "\n\n") {
                let block = String(text[..<end.lowerBound])
                text.removeSubrange(..<end.upperBound)
                if let message = parse(block) { messages.append(message) }
                if messages.count == count { return messages }
            }
        }
        return messages
    }

    /// A message block, or nil for a comment-only block (a heartbeat).
    private static func parse(_ block: String) -> SSEMessage? {
        var message = SSEMessage(data: "")
        var hasData = false
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("event: ") { message.event = String(line.dropFirst(7)) }
            if line.hasPrefix("id: ") { message.id = Int64(line.dropFirst(4)) }
            if line.hasPrefix("data: ") {
                message.data = String(line.dropFirst(6))
                hasData = true
            }
        }
        return hasData ? message : nil
    }

    /// Connects to `path` over WebSocket, reads `count` text messages and closes. Without a `key`,
    /// the path carries one (`access_token`).
    static func readWebSocket(port: Int, key: String?, _ path: String, count: Int) async throws -> [String] {
        let received = Received()
        try await WebSocketClient.connect(
            url: "ws://127.0.0.1:\(port)\(path)",
            configuration: .init(additionalHeaders: key.map { [.authorization: "Bearer \($0)"] } ?? [:]),
            logger: Logger(label: "test.ws")
        ) { inbound, _, _ in
            for try await message in inbound.messages(maxSize: 1 << 20) {
                guard case .text(let text) = message else { continue }
                if received.texts.withLock({ $0.append(text); return $0.count }) == count { return }
            }
        }
        return received.texts.withLock { $0 }
    }

    /// The messages a WebSocket handler receives, handed back to the test.
    private final class Received: Sendable {
        let texts = Mutex<[String]>([])
    }
}
