import AsyncHTTPClient
import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskHTTP
import FrontdeskTestSupport
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Synchronization
import Testing

/// Graceful shutdown (SIGTERM and SIGINT trigger it in `frontdesk serve`, through the same
/// service group): a request in flight is answered, writes under load are each answered 2xx or
/// lose their connection (a request taken just as its connection closed may be done, whole, with
/// its answer lost: a client retries with its `Idempotency-Key`), an event stream ends with its last
/// comment, the background jobs stop, and the database holds every acknowledged write whole.
@Suite struct ShutdownHTTPTests {
    /// The answers of a load of bookings: statuses of the answered, and how many were refused
    /// before an answer (connection closed or refused).
    final class Outcomes: Sendable {
        let answers = Mutex<[(status: Int, id: String?)]>([])
        let refused = Mutex(0)
        /// The index of the next booking's hour.
        let next = Atomic(1)
    }

    @Test(arguments: Backend.enabled)
    func finishesWhatItTookAndNothingHalfWay(_ backend: Backend) async throws {
        try await withTestStore(backend) { test in
            let frontdesk = Frontdesk(store: test.store)
            let key = try await frontdesk.bootstrapKey(name: "owner", role: .owner).secret
            var configuration = ServerConfiguration(port: 0, sweepInterval: .milliseconds(20), actionInterval: .milliseconds(20),
                                                    logLevel: .critical)
            configuration.maxConnections = 64
            let listening = AsyncStream.makeStream(of: Int.self)
            let app = try await buildApplication(frontdesk: frontdesk, configuration: configuration) { _, port in
                listening.continuation.yield(port)
            }
            let group = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: Logger(label: "shutdown-test"))
            let running = Task { try await group.run() }
            var ports = listening.stream.makeAsyncIterator()
            let port = try #require(await ports.next())
            let api = API(port: port, key: key)

            let location = try await api.post("/api/v1/locations", ["name": "Gym", "timezone": "Europe/Lisbon"])
            let resource = try await api.post("/api/v1/resources", [
                "location_id": location.id, "name": "Court", "kind": "court", "capacity": 10_000,
                "rate_amount": 1_000, "rate_unit": "hour",
            ])
            let member = try await api.post("/api/v1/members", ["name": "Ana"])
            let (memberID, resourceID) = (member.id, resource.id)
            let booking: @Sendable (Int) -> Data = { index in
                let start = Date(timeIntervalSince1970: 1_900_000_000 + Double(index) * 3_600)
                return try! JSONSerialization.data(withJSONObject: [
                    "member_id": memberID, "resource_ids": [resourceID],
                    "starts_at": ISO8601DateFormatter().string(from: start),
                    "ends_at": ISO8601DateFormatter().string(from: start.addingTimeInterval(3_600)),
                ])
            }

            // A stream following the events, and a booking whose body is half sent.
            let stream = try await RawConnection.open(port: port)
            try await stream.send("GET /api/v1/events/stream HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(key)\r\n\r\n")
            await stream.waitForResponse()
            #expect(stream.status == 200)
            let body = Array(booking(0))
            let inFlight = try await RawConnection.open(port: port)
            try await inFlight.send("POST /api/v1/bookings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(key)\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n")
            try await inFlight.send(Array(body.prefix(10)))

            // A load of bookings through 8 connections until the server stops taking them.
            let outcomes = Outcomes()
            let load = Task {
                await withTaskGroup(of: Void.self) { workers in
                    for _ in 0..<8 {
                        workers.addTask {
                            while true {
                                let index = outcomes.next.add(1, ordering: .relaxed).oldValue
                                do {
                                    let answer = try await api.send("/api/v1/bookings", booking(index))
                                    outcomes.answers.withLock { $0.append(answer) }
                                } catch {
                                    outcomes.refused.withLock { $0 += 1 }
                                    return
                                }
                            }
                        }
                    }
                }
            }
            // Under way: 300 ms at the least, and a booking answered (a loaded machine is slower).
            try await Task.sleep(for: .milliseconds(300))
            let deadline = ContinuousClock.now + .seconds(20)
            while outcomes.answers.withLock({ $0.isEmpty }), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            await group.triggerGracefulShutdown()
            try await Task.sleep(for: .milliseconds(100))
            try await inFlight.send(Array(body.dropFirst(10)))

            // Its answer waits for the bookings queued before it: on a loaded 2-core machine, seconds.
            await inFlight.waitForResponse(within: .seconds(30))
            #expect(inFlight.status == 201, "\(inFlight.received.prefix(200))")
            #expect(await inFlight.closed(within: .seconds(10)))
            #expect(await stream.closed(within: .seconds(10)))
            #expect(stream.received.hasSuffix(": shutting down\n\n\r\n0\r\n\r\n"), "\(stream.received.suffix(200).debugDescription)")
            await load.value
            // The server and its background jobs (sweeper, dispatcher) have stopped.
            try await running.value

            let answers = outcomes.answers.withLock { $0 }
            #expect(answers.count > 0)
            #expect(answers.allSatisfy { $0.status == 201 }, "answers other than 201: \(answers.map(\.status).filter { $0 != 201 })")
            let inFlightID = try #require(inFlight.received.split(separator: "\r\n\r\n", maxSplits: 1).last
                .flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?["id"] as? String)
            let owner = try await frontdesk.authenticate(secret: key)
            var stored: Set<String> = []
            var page = PageRequest(limit: PageRequest.maxLimit)
            repeat {
                let found = try await frontdesk.bookings(owner, filter: BookingFilter(), page: page)
                stored.formUnion(found.items.map(\.id.text))
                page.after = found.next
            } while page.after != nil
            // Every acknowledged booking is there. A request whose connection closed may have been taken
            // whole, its answer lost with the connection: at most one per worker, each complete (below).
            let acknowledged = Set(answers.compactMap(\.id) + [inFlightID])
            #expect(acknowledged.isSubset(of: stored))
            #expect(stored.count - acknowledged.count <= outcomes.refused.withLock { $0 })
            var created: Set<String> = []
            var after: Int64 = 0
            while case let events = try await frontdesk.events(owner, after: after, limit: Frontdesk.maxEventPage), let last = events.last {
                created.formUnion(events.filter { $0.type == .bookingCreated }.map(\.entityID.text))
                after = last.sequence
            }
            #expect(created == stored)
        }
    }

    /// HTTP/1.1 to the test server through AsyncHTTPClient, with the owner's key.
    struct API {
        let port: Int
        let key: String

        struct Created { let id: String }

        func post(_ path: String, _ json: [String: Any]) async throws -> Created {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(key)")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(try JSONSerialization.data(withJSONObject: json))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 1 << 20)
            let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
            try #require(response.status.code == 201, "\(path): \(response.status)")
            return Created(id: try #require(object?["id"] as? String))
        }

        /// POSTs `body` and returns the answer's status and the id it created. A server that has
        /// stopped listening refuses the connection at once, but the client tries again until the
        /// request's deadline: a short one ends the load soon after the stop.
        func send(_ path: String, _ body: Data) async throws -> (status: Int, id: String?) {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(key)")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(body)
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))  // a loaded machine is slow
            let answer = try await response.body.collect(upTo: 1 << 20)
            let object = try? JSONSerialization.jsonObject(with: Data(answer.readableBytesView)) as? [String: Any]
            return (Int(response.status.code), object?["id"] as? String)
        }
    }
}
