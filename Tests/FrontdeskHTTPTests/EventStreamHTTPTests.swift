import Foundation
import FrontdeskTestSupport
import HTTPTypes
import HummingbirdTesting
import Testing

/// `GET /api/v1/events/stream` (Server-Sent Events) and `GET /api/v1/events/ws` (WebSocket),
/// read over real connections to a running server.
@Suite("Event streams over HTTP", .timeLimit(.minutes(3)))
struct EventStreamHTTPTests {
    @Test(arguments: Backend.enabled)
    func sseResumesWithLastEventIDWithNoGapAndNoDuplicate(_ backend: Backend) async throws {
        try await TestApp.run(backend, .live) { client, app in
            let catalog = try await Catalog.make(client, capacity: 10)
            for _ in 1...3 { #expect(try await catalog.book(client).status == 201) }

            let first = try await StreamClients.readSSE(
                port: client.port, key: app.ownerKey, "/api/v1/events/stream?after=0", count: 2)
            // Written while the client is away.
            let booking = try await catalog.book(client, from: "2025-03-01T14:00:00Z", to: "2025-03-03T11:00:00Z")
            #expect(try await client.post("/api/v1/bookings/\(booking.id)/check-in", ["at": "2025-03-01T15:00:00Z"]).status == 200)
            // `Last-Event-ID` wins over the `after` of the original URL, as `EventSource` reconnects.
            let rest = try await StreamClients.readSSE(
                port: client.port, key: app.ownerKey, "/api/v1/events/stream?after=0",
                headers: ["Last-Event-ID": "\(first.last!.id!)"], count: 9)

            // Each booking_created is followed by its invoice's invoice_created: 8 events, then the check-in's 3.
            let stored = try await client.get("/api/v1/events?after=0").items
            #expect(stored.count == 11)
            #expect((first + rest).compactMap(\.id) == Array(1...11))
            #expect((first + rest).map(\.event) == stored.map { $0["type"] as? String })
            for (message, event) in zip(first + rest, stored) {
                #expect(NSDictionary(dictionary: message.json) == NSDictionary(dictionary: event))
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func sseFiltersTypesAndResumesWithAfter(_ backend: Backend) async throws {
        try await TestApp.run(backend, .live) { client, app in
            let catalog = try await Catalog.make(client, capacity: 10)
            let booking = try await catalog.book(client, from: "2025-03-01T14:00:00Z", to: "2025-03-03T11:00:00Z")
            #expect(try await client.post("/api/v1/bookings/\(booking.id)/check-in", ["at": "2025-03-01T15:00:00Z"]).status == 200)
            #expect(try await client.post("/api/v1/bookings/\(booking.id)/check-out", ["at": "2025-03-03T10:30:00Z"]).status == 200)
            _ = try await catalog.book(client)

            // 1 created, 2 its invoice, 3 checked in, 4-5 its checkin, 6 completed, 7-8 checkout,
            // 9 invoice finalized, 10 created, 11 its invoice
            let messages = try await StreamClients.readSSE(
                port: client.port, key: app.ownerKey,
                "/api/v1/events/stream?after=1&types=booking_created,checkout_completed&types=booking_completed", count: 3)
            #expect(messages.map(\.event) == ["booking_completed", "checkout_completed", "booking_created"])
            #expect(messages.compactMap(\.id) == [6, 8, 10])
        }
    }

    /// Browsers' EventSource and WebSocket send no Authorization header: the streams, and only
    /// they, take the key in the query.
    @Test(arguments: Backend.enabled)
    func streamsTakeTheKeyAsAccessToken(_ backend: Backend) async throws {
        try await TestApp.run(backend, .live) { client, app in
            let catalog = try await Catalog.make(client, capacity: 10)
            _ = try await catalog.book(client)
            let sse = try await StreamClients.readSSE(
                port: client.port, key: nil, "/api/v1/events/stream?after=0&access_token=\(app.ownerKey)", count: 1)
            #expect(sse.map(\.event) == ["booking_created"])
            let ws = try await StreamClients.readWebSocket(
                port: client.port, key: nil, "/api/v1/events/ws?after=0&access_token=\(app.ownerKey)", count: 1)
            #expect(ws.count == 1 && ws[0].contains("\"booking_created\""))

            let anonymous = client.with(key: nil)
            #expect(try await anonymous.get("/api/v1/events/stream?access_token=fd_not_a_key").status == 401)
            #expect(try await anonymous.get("/api/v1/bookings?access_token=\(app.ownerKey)").status == 401)
        }
    }

    @Test(arguments: Backend.enabled)
    func streamsAreRefusedAsProblemsBeforeAnyByte(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let kiosk = try await client.post("/api/v1/api-keys", ["name": "kiosk", "role": "kiosk"])
            let forbidden = try await client.with(key: kiosk["secret"] as? String).get("/api/v1/events/stream")
            #expect(forbidden.status == 403)
            #expect(forbidden.code == "forbidden")
            #expect(try await client.with(key: nil).get("/api/v1/events/stream").status == 401)
            let unknownType = try await client.get("/api/v1/events/stream?types=booking_created,teleported")
            #expect(unknownType.status == 400)
            #expect(unknownType.code == "malformed_request")
        }
    }

    @Test(arguments: Backend.enabled)
    func webSocketResumesWithAfterWithNoGapAndNoDuplicate(_ backend: Backend) async throws {
        try await TestApp.run(backend, .live) { client, app in
            let catalog = try await Catalog.make(client, capacity: 10)
            for _ in 1...3 { #expect(try await catalog.book(client).status == 201) }

            let first = try await StreamClients.readWebSocket(
                port: client.port, key: app.ownerKey, "/api/v1/events/ws?after=0", count: 2)
            let booking = try await catalog.book(client)
            #expect(try await client.post("/api/v1/bookings/\(booking.id)/cancel", ["reason": "changed plans"]).status == 200)
            let last = try #require(json(first.last!)["sequence"] as? Int)
            let rest = try await StreamClients.readWebSocket(
                port: client.port, key: app.ownerKey, "/api/v1/events/ws?after=\(last)", count: 3)

            let stored = try await client.get("/api/v1/events?after=0").items
            let received = (first + rest).map(json)
            #expect(received.compactMap { $0["sequence"] as? Int } == Array(1...5))
            for (message, event) in zip(received, stored) {
                #expect(NSDictionary(dictionary: message) == NSDictionary(dictionary: event))
            }
        }
    }

    private func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}
