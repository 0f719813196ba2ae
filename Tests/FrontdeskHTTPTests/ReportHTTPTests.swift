import Foundation
import FrontdeskAPI
import FrontdeskCore
import HTTPTypes
import Testing

/// `GET /api/v1/reports/activity` through the real router: the JSON in the schema's shape, the same
/// report as CSV, and the problems of bad periods, ids and keys.
@Suite struct ReportHTTPTests {
    static let day = "/api/v1/reports/activity?from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z"

    /// A booking of Room 101 used 10:00–12:00 of 09:00–13:00 and a walk-in in Room 102 15:00–16:30,
    /// on 2025-03-01 (UTC; Paris is an hour ahead then).
    static func makeDay(_ client: TestClient) async throws -> Catalog {
        let catalog = try await Catalog.make(client)
        let booking = try await catalog.book(client, from: "2025-03-01T09:00:00Z", to: "2025-03-01T13:00:00Z")
        #expect(booking.status == 201)
        #expect(try await client.post("/api/v1/bookings/\(booking.id)/check-in", ["at": "2025-03-01T10:00:00Z"]).status == 200)
        #expect(try await client.post("/api/v1/bookings/\(booking.id)/check-out", ["at": "2025-03-01T12:00:00Z"]).status == 200)
        let walkIn = try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[1]])
        #expect(try await client.post("/api/v1/checkins/\(walkIn.id)/check-in", ["at": "2025-03-01T15:00:00Z"]).status == 200)
        #expect(try await client.post("/api/v1/checkins/\(walkIn.id)/check-out", ["at": "2025-03-01T16:30:00Z"]).status == 200)
        return catalog
    }

    @Test func theReportIsJSONInTheSchemasShape() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Self.makeDay(client)
            let answer = try await client.get(Self.day)
            #expect(answer.status == 200)
            #expect(answer.headers[.contentType] == "application/json; charset=utf-8")
            #expect(KeyOrderHTTPTests.keysInOrder(answer.body), "\(answer.text)")
            let report = try Self.decoder.decode(Components.Schemas.ActivityReport.self, from: answer.body)
            #expect(report.from == InstantFormat.date(from: "2025-03-01T00:00:00Z"))
            #expect(report.resources.map(\.value1.resourceId) == catalog.roomIDs)
            #expect(report.resources.map(\.value1.locationId) == [catalog.locationID, catalog.locationID])
            let (room101, room102) = (report.resources[0].value2, report.resources[1].value2)
            #expect(room101.bookedMinutes == 240 && room101.usedMinutes == 120 && room101.utilizationRate == 0.5)
            #expect(room101.visits == 1 && room101.visitMinutes == 120 && room101.noShows == 0)
            // Created long after that day: never idle in it.
            #expect(room101.idleMinutes == 0)
            #expect(room101.peakHours.map(\.hour) == [11, 12])
            #expect(room102.bookedMinutes == 0 && room102.utilizationRate == 0 && room102.visitMinutes == 90)
            #expect(room102.peakHours.map { [$0.hour, $0.visitMinutes] } == [[16, 60], [17, 30]])
            #expect(report.locations.map(\.value1.name) == ["Hotel"])
            #expect(report.organization.visits == 2 && report.organization.visitMinutes == 210)
            #expect(report.organization.peakHours.map(\.hour) == [11, 12, 16])

            // Narrowed to one resource.
            let one = try await client.get(Self.day + "&resource_id=\(catalog.roomIDs[1])")
            #expect(one.status == 200)
            #expect((one["resources"] as? [[String: Any]])?.compactMap { $0["resource_id"] as? String } == [catalog.roomIDs[1]])
        }
    }

    @Test func acceptTextCSVGetsTheSameReportAsCSV() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Self.makeDay(client)
            let answer = try await client.request(.get, Self.day, headers: ["Accept": "text/csv"])
            #expect(answer.status == 200)
            #expect(answer.headers[.contentType] == "text/csv; charset=utf-8")
            let rows = answer.text.components(separatedBy: "\r\n")
            #expect(rows == [
                "scope,id,name,booked_minutes,used_minutes,utilization_rate,no_shows,visits,visit_minutes,idle_minutes,peak_hours",
                "resource,\(catalog.roomIDs[0]),Room 101,240,120,0.5000,0,1,120,0,11;12",
                "resource,\(catalog.roomIDs[1]),Room 102,0,0,0.0000,0,1,90,0,16;17",
                "location,\(catalog.locationID),Hotel,240,120,0.5000,0,2,210,0,11;12;16",
                rows[4], "",
            ])
            #expect(rows[4].hasPrefix("organization,\(Organization.defaultID.text),"))
            #expect(rows[4].hasSuffix(",240,120,0.5000,0,2,210,0,11;12;16"))

            // The client's preference decides; JSON when it prefers it or names neither.
            let preferred = try await client.request(.get, Self.day, headers: ["Accept": "application/json, text/csv;q=0.5"])
            #expect(preferred.headers[.contentType] == "application/json; charset=utf-8")
            let csvFirst = try await client.request(.get, Self.day, headers: ["Accept": "application/*;q=0.2, text/*"])
            #expect(csvFirst.headers[.contentType] == "text/csv; charset=utf-8")
            let other = try await client.request(.get, Self.day, headers: ["Accept": "text/html"])
            #expect(other.status == 200 && other.headers[.contentType] == "application/json; charset=utf-8")
        }
    }

    @Test func badPeriodsIdsAndKeysAreProblems() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let path = "/api/v1/reports/activity"
            for (query, field) in [("to=2025-03-02T00:00:00Z", "from"), ("from=2025-03-01T00:00:00Z", "to"),
                                   ("from=yesterday&to=2025-03-02T00:00:00Z", "from"),
                                   ("from=2025-03-01T00:00:00Z&to=2025-02-30T00:00:00Z", "to"),
                                   (Self.day.split(separator: "?")[1] + "&location_id=nope", "location_id"),
                                   (Self.day.split(separator: "?")[1] + "&resource_id=42", "resource_id")] {
                let answer = try await client.get(path + "?" + query)
                #expect(answer.status == 400 && answer.code == "malformed_request", "\(query): \(answer.text)")
                #expect(answer.headers[.contentType] == "application/problem+json")
                #expect((answer["detail"] as? String)?.hasPrefix(field) == true, "\(query): \(answer.text)")
            }
            for (query, field) in [("from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z", "to"),
                                   ("from=2025-03-01T00:00:00Z&to=2025-03-01T00:00:00Z", "to"),
                                   ("from=2024-01-01T00:00:00Z&to=2025-01-01T00:00:01Z", "to"),
                                   (Self.day.split(separator: "?")[1] + "&location_id=\(UUID().uuidString)", "location_id"),
                                   (Self.day.split(separator: "?")[1] + "&resource_id=\(catalog.locationID)", "resource_id")] {
                let answer = try await client.get(path + "?" + query)
                #expect(answer.status == 422 && answer.code == "validation_failed", "\(query): \(answer.text)")
                #expect((answer["errors"] as? [[String: Any]])?.map { $0["field"] as? String } == [field], "\(query)")
            }
            // A kiosk may not read reports; no key at all is a 401.
            let key = try await client.post("/api/v1/api-keys", ["name": "door", "role": "kiosk"])
            let kiosk = client.with(key: try #require(key["secret"] as? String))
            let refused = try await kiosk.get(Self.day)
            #expect(refused.status == 403 && refused.code == "forbidden" && refused["permission"] as? String == "attendance:read")
            #expect(try await client.with(key: nil).get(Self.day).status == 401)
        }
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = InstantFormat.date(from: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
            }
            return date
        }
        return decoder
    }
}
