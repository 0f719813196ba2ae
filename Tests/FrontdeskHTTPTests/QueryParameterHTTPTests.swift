import Foundation
import HTTPTypes
import Testing

/// A query parameter that cannot be read is a 400 naming it (and, for an enumeration, listing its
/// values); list filters take their values repeated or comma-separated.
@Suite struct QueryParameterHTTPTests {
    static func detail(_ response: TestResponse) -> String { response.json["detail"] as? String ?? "" }

    @Test func anUnreadableParameterIsNamed() async throws {
        try await TestApp.run { client, _ in
            for (path, expected) in [
                ("/api/v1/events?after=abc", #"after must be an integer, not "abc"."#),
                ("/api/v1/bookings?limit=ten", #"limit must be an integer, not "ten"."#),
                ("/api/v1/bookings?without_checkin=yes", #"without_checkin must be true or false, not "yes"."#),
                ("/api/v1/bookings?status=confirmed,bogus",
                 #"status must be one of pending, confirmed, checked_in, active, completed, cancelled, no_show, expired, not "bogus"."#),
                ("/api/v1/checkins?state=done", #"state must be one of pending, in_progress, complete, not "done"."#),
                ("/api/v1/webhook-deliveries?status=lost", #"status must be one of pending, delivered, failed, not "lost"."#),
                ("/api/v1/audit?entity_type=room", #"entity_type must be one of booking, checkin, correction, invoice, not "room"."#),
                ("/api/v1/attendance/corrections?priority=low,asap",
                 #"priority must be one of low, normal, high, urgent, not "asap"."#),
            ] {
                let answer = try await client.get(path)
                #expect(answer.status == 400 && answer.code == "malformed_request", "\(path)")
                #expect(Self.detail(answer) == expected, "\(path)")
            }
            let resumed = try await client.request(.get, "/api/v1/events/stream", headers: ["Last-Event-ID": "x"])
            #expect(resumed.status == 400 && resumed.code == "malformed_request")
            #expect(Self.detail(resumed) == #"Last-Event-ID must be an integer, not "x"."#)
        }
    }

    @Test func listFiltersTakeCommaSeparatedValues() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client, rooms: 2)
            let held = try await catalog.book(client, extra: ["status": "pending"])
            let confirmed = try await catalog.book(client, room: 1)
            #expect(try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[0]]).status == 201)
            func ids(_ path: String) async throws -> Set<String> {
                let answer = try await client.get(path)
                #expect(answer.status == 200, "\(path): \(answer.text)")
                return Set(answer.items.compactMap { $0["id"] as? String })
            }
            #expect(try await ids("/api/v1/bookings?status=pending,confirmed") == [held.id, confirmed.id])
            #expect(try await ids("/api/v1/bookings?status=pending&status=confirmed") == [held.id, confirmed.id])
            #expect(try await ids("/api/v1/bookings?status=confirmed,cancelled") == [confirmed.id])
            #expect(try await ids("/api/v1/checkins?state=pending,in_progress").count == 1)
            #expect(try await ids("/api/v1/checkins?state=complete,in_progress").isEmpty)
            #expect(try await ids("/api/v1/webhook-deliveries?status=pending,failed&event_type=checkin_started,checkout_completed")
                        .isEmpty)
        }
    }
}
