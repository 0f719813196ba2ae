import Foundation
import FrontdeskEngine
import FrontdeskHTTP
import FrontdeskTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// What the server does with connections a careless or hostile client opens: every request it
/// cannot read is answered and closed, idle and slow connections are closed, and many slow ones
/// do not stop it answering others.
@Suite struct ConnectionHTTPTests {
    static let health = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"

    /// Requests the decoder cannot read, each with the status it must get.
    static let unreadable: [(name: String, bytes: [UInt8], status: Int)] = [
        ("NUL in a header", Array("GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\u{0}b\r\n\r\n".utf8), 400),
        ("100 KB header", Array("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 100_000))\r\n\r\n".utf8), 431),
        ("100 KB URL", Array("GET /health?\(String(repeating: "a", count: 100_000)) HTTP/1.1\r\nHost: x\r\n\r\n".utf8), 431),
        ("Content-Length and Transfer-Encoding",
         Array("POST /api/v1/members HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n".utf8), 400),
        ("TLS on the plain port", [0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03] + Array(repeating: 0x2a, count: 32), 400),
        ("not HTTP", Array("HELLO\r\n\r\n".utf8), 400),
    ]

    @Test(arguments: unreadable.indices)
    func anUnreadableFirstRequestIsAnsweredAndClosed(_ index: Int) async throws {
        let bad = Self.unreadable[index]
        try await TestApp.run(.sqlite, .live) { client, _ in
            let connection = try await RawConnection.open(port: client.port)
            try await connection.send(bad.bytes)
            #expect(await connection.closed(within: .patience), "\(bad.name): left open")
            #expect(connection.status == bad.status, "\(bad.name): \(connection.received.prefix(80))")
        }
    }

    @Test(arguments: unreadable.indices)
    func anUnreadableRequestAfterAGoodOneIsAnsweredAndClosed(_ index: Int) async throws {
        let bad = Self.unreadable[index]
        try await TestApp.run(.sqlite, .live) { client, _ in
            let connection = try await RawConnection.open(port: client.port)
            try await connection.send(Self.health)
            await connection.waitForResponse()
            #expect(connection.status == 200)
            try await connection.send(bad.bytes)
            #expect(await connection.closed(within: .patience), "\(bad.name): left open")
            #expect(connection.received.contains(" \(bad.status) "), "\(bad.name): \(connection.received.suffix(120))")
        }
    }

    @Test func anUnreadableRequestPipelinedBehindAGoodOneIsAnsweredAfterIt() async throws {
        try await TestApp.run(.sqlite, .live) { client, _ in
            let connection = try await RawConnection.open(port: client.port)
            try await connection.send(Self.health + "GET /health HTTP/1.1\r\nX-A: a\u{0}b\r\n\r\n")
            #expect(await connection.closed(within: .patience))
            #expect(connection.status == 200)
            #expect(connection.received.contains("HTTP/1.1 400 "))
        }
    }

    @Test func http10WithoutKeepAliveIsClosedAfterItsAnswer() async throws {
        try await TestApp.run(.sqlite, .live) { client, _ in
            let plain = try await RawConnection.open(port: client.port)
            try await plain.send("GET /health HTTP/1.0\r\n\r\n")
            #expect(await plain.closed(within: .patience))
            #expect(plain.status == 200)

            let keptAlive = try await RawConnection.open(port: client.port)
            try await keptAlive.send("GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            await keptAlive.waitForResponse()
            #expect(keptAlive.status == 200)
            #expect(await keptAlive.closed(within: .milliseconds(500)) == false)
            await keptAlive.close()

            let closing = try await RawConnection.open(port: client.port)
            try await closing.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(await closing.closed(within: .patience))
            #expect(closing.status == 200)
        }
    }

    @Test func idleAndSlowConnectionsAreClosed() async throws {
        try await TestApp.run(.sqlite, .live, configure: { $0.idleTimeout = .seconds(1); $0.readTimeout = .seconds(1) }) { client, _ in
            let silent = try await RawConnection.open(port: client.port)
            let slowHead = try await RawConnection.open(port: client.port)
            try await slowHead.send("GET /health HTTP/1.1\r\n")
            let slowBody = try await RawConnection.open(port: client.port)
            try await slowBody.send("POST /api/v1/members HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"na")
            let idle = try await RawConnection.open(port: client.port)
            try await idle.send(Self.health)
            await idle.waitForResponse()
            #expect(idle.status == 200)

            // Within 20 s: well under the defaults (60 s idle, 30 s read), so timeouts that were
            // not applied fail; far over the 1 s, for a suite that keeps both cores busy.
            for connection in [silent, slowHead, slowBody, idle] {
                #expect(await connection.closed(within: .seconds(20)))
            }
        }
    }

    /// The read timeout is set long: on a loaded machine opening the hundred takes longer than the
    /// default's 30 s, and the first would be closed by it (its own test is the one above).
    @Test func aHundredSlowConnectionsDoNotStopTheServer() async throws {
        try await TestApp.run(.sqlite, .live, configure: { $0.readTimeout = .seconds(600) }) { client, _ in
            var slow: [RawConnection] = []
            for _ in 0..<100 {
                let connection = try await RawConnection.open(port: client.port)
                try await connection.send("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                slow.append(connection)
            }
            let started = ContinuousClock.now
            let health = try await client.get("/health")
            #expect(health.status == 200)
            #expect(ContinuousClock.now - started < .patience)
            for connection in slow { #expect(await connection.closed(within: .zero) == false) }
            for connection in slow { await connection.close() }
        }
    }

    /// Served as `frontdesk serve` serves it, not through HummingbirdTesting, whose live server
    /// drops the cap from the configuration. On a port the system picks, told by the server once it
    /// listens: a port found free beforehand could be taken by another test's connection meanwhile,
    /// and a server starting while the whole suite runs may take more than seconds to listen.
    @Test func connectionsBeyondTheCapWaitForOneToClose() async throws {
        try await withTestStore(.sqlite) { test in
            let (listening, announce) = AsyncStream.makeStream(of: Int.self)
            let app = try await buildApplication(
                frontdesk: Frontdesk(store: test.store),
                configuration: ServerConfiguration(port: 0, sweepInterval: nil, actionInterval: nil, logLevel: .error,
                                                   maxConnections: 2),
                onListening: { _, port in announce.yield(port) })
            let server = Task {
                defer { announce.finish() }  // a server that could not start ends the wait
                try await app.runService()
            }
            var ports = listening.makeAsyncIterator()
            guard let port = await ports.next() else {
                let failure = await server.result
                Issue.record("the server did not start: \(failure)")
                return
            }
            let first = try await RawConnection.open(port: port)
            let second = try await RawConnection.open(port: port)
            for connection in [first, second] {
                try await connection.send(Self.health)
                await connection.waitForResponse()
                #expect(connection.status == 200)
            }
            let third = try await RawConnection.open(port: port)
            try await third.send(Self.health)
            await third.waitForResponse(within: .milliseconds(500))
            #expect(third.status == nil)
            await first.close()
            await third.waitForResponse()
            #expect(third.status == 200)
            await second.close()
            await third.close()
            server.cancel()
            _ = await server.result
        }
    }

    @Test func anUndeclaredMethodIs405WithAllow() async throws {
        try await TestApp.run { client, _ in
            let put = try await client.request(.put, "/api/v1/bookings")
            #expect(put.status == 405)
            #expect(put.code == "method_not_allowed")
            #expect(put.headers[.allow] == "GET, HEAD, POST")
            #expect(put.headers[.contentType] == "application/problem+json")
            let delete = try await client.request(.delete, "/api/v1/bookings/\(UUID().uuidString)/check-in")
            #expect(delete.status == 405)
            #expect(delete.headers[.allow] == "POST")
            #expect(try await client.request(.post, "/health").headers[.allow] == "GET, HEAD")
            #expect(try await client.request(.get, "/api/v1/no-such-thing").status == 404)
        }
    }

    @Test func headIsAnsweredLikeGetWithoutABody() async throws {
        try await TestApp.run(.sqlite, .live) { client, _ in
            _ = try await Catalog.make(client)
            for path in ["/health", "/api/v1/resources", "/api/v1/availability?starts_at=2030-03-01T14:00:00Z&ends_at=2030-03-02T11:00:00Z"] {
                let get = try await client.get(path)
                let head = try await client.request(.head, path)
                #expect(head.status == get.status, "\(path)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "\(path)")
                #expect(head.body.isEmpty, "\(path)")
            }
            #expect(try await client.with(key: nil).request(.head, "/api/v1/resources").status == 401)
        }
    }

    @Test func aPatchWithoutABodyIs400AndChangesNothing() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let before = try await client.get("/api/v1/members/\(catalog.memberID)")
            let patch = try await client.request(.patch, "/api/v1/members/\(catalog.memberID)")
            #expect(patch.status == 400)
            #expect(patch.code == "malformed_request")
            let after = try await client.get("/api/v1/members/\(catalog.memberID)")
            #expect(after["updated_at"] as? String == before["updated_at"] as? String)
            #expect(after["version"] as? Int == before["version"] as? Int)
        }
    }
}
