import Foundation
import FrontdeskTestSupport
import HTTPTypes
import Testing

/// Bad input gets a clear error and changes nothing: nesting and numbers of free JSON, impossible
/// dates and times, years outside the bookable range, control characters, query strings that are
/// not UTF-8, null properties, time zones that are not IANA names, cursors of another list.
@Suite struct InputRulesHTTPTests {
    /// `metadata` nested `depth` levels (the metadata object itself is the first).
    static func nested(_ depth: Int) -> [String: Any] {
        var value: Any = "bottom"
        for _ in 1..<depth { value = ["a": value] }
        return ["a": value]
    }

    static func depth(_ value: Any?) -> Int {
        switch value {
        case let object as [String: Any]: 1 + (object.values.map(depth).max() ?? 0)
        case let array as [Any]: 1 + (array.map(depth).max() ?? 0)
        default: 0
        }
    }

    static func fields(_ response: TestResponse) -> [String] {
        (response["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }

    static func detail(_ response: TestResponse) -> String { response["detail"] as? String ?? "" }

    // MARK: free JSON

    @Test(arguments: Backend.enabled)
    func metadataMayNest32LevelsNot33(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let room = catalog.roomIDs[0]
            let accepted = try await client.post("/api/v1/checkins", ["resource_id": room, "metadata": Self.nested(32)])
            #expect(accepted.status == 201)
            #expect(Self.depth(accepted["metadata"]) == 32)
            let read = try await client.get("/api/v1/checkins/\(accepted.id)")
            #expect(Self.depth(read["metadata"]) == 32)
            #expect(Self.depth(try await client.get("/api/v1/checkins").items.first?["metadata"]) == 32)

            for depth in [33, 500] {
                let refused = try await client.post("/api/v1/checkins", ["resource_id": room, "metadata": Self.nested(depth)])
                #expect(refused.status == 422 && refused.code == "validation_failed", "depth \(depth)")
                #expect(Self.fields(refused) == ["metadata"])
            }
            let patched = try await client.patch("/api/v1/checkins/\(accepted.id)", ["metadata": Self.nested(33)])
            #expect(patched.status == 422 && Self.fields(patched) == ["metadata"])
            #expect(try await client.get("/api/v1/checkins").items.count == 1)
            #expect(try await client.get("/api/v1/checkins/\(accepted.id)")["version"] as? Int == 1)
        }
    }

    @Test(arguments: Backend.enabled)
    func metadataNumbersReadBackAsGivenOrAreRefused(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let room = catalog.roomIDs[0]
            for number in ["9223372036854775808", "-9223372036854775809", "1e-400", "1e400", "12345678901234567890.5"] {
                let refused = try await client.request(.post, "/api/v1/checkins",
                                                       raw: #"{"resource_id":"\#(room)","metadata":{"n":[1,\#(number)]}}"#)
                #expect(refused.status == 422 && refused.code == "validation_failed", "\(number)")
                #expect(Self.fields(refused) == ["metadata"])
                #expect(Self.detail(refused).contains("n[1]") && Self.detail(refused).contains(number), "\(Self.detail(refused))")
            }
            #expect(try await client.get("/api/v1/checkins").items.isEmpty)

            let kept = #"{"max":9223372036854775807,"min":-9223372036854775808,"tenth":0.1,"big":1.5e+300,"small":-0.0025}"#
            let created = try await client.request(.post, "/api/v1/checkins", raw: #"{"resource_id":"\#(room)","metadata":\#(kept)}"#)
            #expect(created.status == 201)
            let read = try await client.get("/api/v1/checkins/\(created.id)")
            for text in [created.text, read.text] {
                for number in ["9223372036854775807", "-9223372036854775808", "0.1", "1.5e+300", "-0.0025"] {
                    #expect(text.contains(":\(number)"), "\(number) in \(text)")
                }
            }
        }
    }

    @Test func metadataOver16KiBIsRefused() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let refused = try await client.post("/api/v1/checkins", [
                "resource_id": catalog.roomIDs[0], "metadata": ["s": String(repeating: "x", count: 17_000)],
            ])
            #expect(refused.status == 422 && Self.fields(refused) == ["metadata"])
            #expect(try await client.get("/api/v1/checkins").items.isEmpty)
        }
    }

    // MARK: dates and times

    @Test func impossibleInstantsAreUnreadableNamingTheirField() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let room = catalog.roomIDs[0]
            for text in ["2030-02-30T10:00Z", "2030-03-01T12:99:00Z", "2030-03-01T24:00:00Z", "2030-03-01T10:00:60Z",
                         "2030-13-01T10:00:00Z", "2030-03-01", "tomorrow"] {
                let checkin = try await client.post("/api/v1/checkins", [
                    "resource_id": room, "starts_at": text, "ends_at": "2030-03-02T10:00:00Z",
                ])
                #expect(checkin.status == 400 && checkin.code == "malformed_request", "\(text)")
                #expect(Self.detail(checkin).hasPrefix("starts_at must be an RFC 3339 date-time"), "\(Self.detail(checkin))")
                let booking = try await catalog.book(client, from: "2030-03-01T14:00:00Z", to: text)
                #expect(booking.status == 400 && Self.detail(booking).hasPrefix("ends_at must be"), "\(Self.detail(booking))")
            }
            let lines = try await client.post("/api/v1/bookings", [
                "member_id": catalog.memberID,
                "lines": [["resource_id": room, "starts_at": "2030-03-01T14:00:00Z", "ends_at": "2030-03-01T24:00:00Z"]],
            ])
            #expect(lines.status == 400 && Self.detail(lines).hasPrefix("lines[0].ends_at must be"), "\(Self.detail(lines))")
            let query = try await client.get("/api/v1/bookings?from=2030-02-30T10:00:00Z")
            #expect(query.status == 400 && Self.detail(query).hasPrefix("from must be"), "\(Self.detail(query))")
            let availability = try await client.get("/api/v1/availability?starts_at=2030-03-01T12:99:00Z&ends_at=2030-03-02T10:00:00Z")
            #expect(availability.status == 400 && Self.detail(availability).hasPrefix("starts_at must be"))
            let stay = try await client.get("/api/v1/availability?check_in=2030-02-30&check_out=2030-03-02")
            #expect(stay.status == 400 && Self.detail(stay).hasPrefix("check_in must be a date YYYY-MM-DD"), "\(Self.detail(stay))")
            let pending = try await client.post("/api/v1/checkins", ["resource_id": room])
            let stamp = try await client.post("/api/v1/checkins/\(pending.id)/check-in", ["at": "2030-03-01T24:00:00Z"])
            #expect(stamp.status == 400 && Self.detail(stamp).hasPrefix("at must be"), "\(Self.detail(stamp))")
            let patch = try await client.patch("/api/v1/checkins/\(pending.id)", ["check_in": "2030-02-29T10:00:00Z"])
            #expect(patch.status == 400 && Self.detail(patch).hasPrefix("check_in must be"), "\(Self.detail(patch))")

            // What clients send is read as before: seconds or not, any offset, fractions.
            let fine = try await client.post("/api/v1/checkins", [
                "resource_id": room, "starts_at": "2030-03-01T10:00+01:00", "ends_at": "2030-03-01T10:00:00.5z",
            ])
            #expect(fine.status == 201)
            #expect(fine["starts_at"] as? String == "2030-03-01T09:00:00.000Z" && fine["ends_at"] as? String == "2030-03-01T10:00:00.500Z")
            #expect(try await client.get("/api/v1/bookings").items.isEmpty)
            #expect(try await client.get("/api/v1/checkins").items.count == 2)
        }
    }

    @Test func yearsOutsideTheBookableRangeAreRefused() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let room = catalog.roomIDs[0]
            let booking = try await client.post("/api/v1/bookings", [
                "member_id": catalog.memberID, "resource_ids": [room], "check_in": "0000-01-01", "check_out": "0000-01-02",
            ])
            #expect(booking.status == 422 && Set(Self.fields(booking)) == ["check_in", "check_out"])
            let far = try await catalog.book(client, from: "2199-12-31T10:00:00Z", to: "2200-01-01T10:00:00Z")
            #expect(far.status == 422 && Self.fields(far) == ["ends_at"])
            let availability = try await client.get("/api/v1/availability?check_in=0000-01-01&check_out=0000-01-02")
            #expect(availability.status == 422 && availability.code == "validation_failed")
            let checkin = try await client.post("/api/v1/checkins", [
                "resource_id": room, "starts_at": "0000-01-01T00:00:00Z", "ends_at": "0000-01-02T00:00:00Z",
            ])
            #expect(checkin.status == 422 && Self.fields(checkin) == ["starts_at", "ends_at"])
            let pending = try await client.post("/api/v1/checkins", ["resource_id": room])
            let stamp = try await client.post("/api/v1/checkins/\(pending.id)/check-in", ["at": "1969-12-31T23:59:59Z"])
            #expect(stamp.status == 422 && Self.fields(stamp) == ["at"])
            let patch = try await client.patch("/api/v1/checkins/\(pending.id)", ["check_in": "9999-01-01T00:00:00Z"])
            #expect(patch.status == 422 && Self.fields(patch) == ["check_in"])
            #expect(try await client.get("/api/v1/bookings").items.isEmpty)
            #expect(try await client.get("/api/v1/checkins/\(pending.id)")["state"] as? String == "pending")
            #expect(try await catalog.book(client, from: "2199-12-30T10:00:00Z", to: "2199-12-31T10:00:00Z").status == 201)
        }
    }

    // MARK: control characters

    @Test(arguments: Backend.enabled)
    func oneLineTextRefusesControlCharactersFreeTextKeepsThem(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            for (path, body, field) in [
                ("/api/v1/members", ["name": "a\u{0}b"], "name"),
                ("/api/v1/members", ["name": "Ada", "email": "ada\u{0}@example.com"], "email"),
                ("/api/v1/members", ["name": "Ada", "type": "guest\u{85}"], "type"),
                ("/api/v1/members", ["name": "Ada", "notes": "a\u{0}b"], "notes"),
                ("/api/v1/locations", ["name": "a\u{0}b"], "name"),
                ("/api/v1/locations", ["name": "Zone test", "timezone": "Europe/Lisbon\u{0}garbage"], "timezone"),
                ("/api/v1/api-keys", ["name": "desk\n2", "role": "viewer"], "name"),
            ] {
                let refused = try await client.post(path, body)
                #expect(refused.status == 422 && Self.fields(refused) == [field], "\(path) \(field): \(refused.text)")
            }
            #expect(try await client.get("/api/v1/members").items.isEmpty)
            #expect(try await client.get("/api/v1/locations").items.isEmpty)

            let notes = "line one\nline two\ttabbed\r\n\u{1}\u{7F}\u{85}é"
            let member = try await client.post("/api/v1/members", ["name": "Ada", "notes": notes])
            #expect(member.status == 201 && member["notes"] as? String == notes)
            #expect(try await client.get("/api/v1/members/\(member.id)")["notes"] as? String == notes)
            #expect(try await client.get("/api/v1/members").items.first?["notes"] as? String == notes)
            let catalog = try await Catalog.make(client)
            let checkin = try await client.post("/api/v1/checkins", [
                "resource_id": catalog.roomIDs[0], "notes": notes, "metadata": ["s": notes, "k\u{1}": [notes]],
            ])
            #expect(checkin.status == 201)
            let read = try await client.get("/api/v1/checkins/\(checkin.id)")
            #expect(read["notes"] as? String == notes)
            let metadata = read["metadata"] as? [String: Any]
            #expect(metadata?["s"] as? String == notes && (metadata?["k\u{1}"] as? [String])?.first == notes)
            let event = try await client.get("/api/v1/events").items.last
            #expect((event?["data"] as? [String: Any])?["notes"] as? String == notes)
            let nul = try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[0], "metadata": ["s": "a\u{0}b"]])
            #expect(nul.status == 422 && Self.fields(nul) == ["metadata"])
        }
    }

    @Test(arguments: Backend.enabled)
    func textFiltersTakeTheirTextLiterally(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            for name in ["100% Club", "a_b", "Ada Lovelace"] { _ = try await client.post("/api/v1/members", ["name": name]) }
            func names(_ q: String) async throws -> [String] {
                try await client.get("/api/v1/members?q=\(q)").items.compactMap { $0["name"] as? String }
            }
            #expect(try await names("%25") == ["100% Club"])
            #expect(try await names("_") == ["a_b"])
            #expect(try await names("LOVE") == ["Ada Lovelace"])
            let nul = try await client.get("/api/v1/members?q=%00")
            #expect(nul.status == 422 && Self.fields(nul) == ["q"])
            let kind = try await client.get("/api/v1/resources?kind=room%00&category=%0A")
            #expect(kind.status == 422 && Self.fields(kind) == ["kind", "category"])
        }
    }

    // MARK: query strings

    @Test func queryStringsThatAreNotUTF8AreUnreadable() async throws {
        try await TestApp.run { client, _ in
            _ = try await client.post("/api/v1/members", ["name": "José"])
            for path in ["/api/v1/members?q=%FF%FE", "/api/v1/members?q=%G1", "/api/v1/members?q=%E", "/api/v1/bookings?member_id=%C0%AF",
                         "/api/v1/availability?starts_at=2030-03-01T14:00:00Z&ends_at=2030-03-02T11:00:00Z&kind=%FF"] {
                let refused = try await client.get(path)
                #expect(refused.status == 400 && refused.code == "malformed_request", "\(path)")
                let name = path.split(separator: "&").last!.split(separator: "?").last!.split(separator: "=").first!
                #expect(Self.detail(refused).contains("parameter \(name) "), "\(Self.detail(refused))")
            }
            #expect(try await client.get("/api/v1/members?q=Jos%C3%A9").items.count == 1)
        }
    }

    // MARK: null

    @Test func nullPropertiesAreRefusedNotIgnored() async throws {
        try await TestApp.run { client, _ in
            let created = try await client.request(.post, "/api/v1/members", raw: #"{"name":"Ada","email":null}"#)
            #expect(created.status == 400 && created.code == "malformed_request")
            #expect(Self.detail(created).hasPrefix("email must not be null"))
            #expect(try await client.get("/api/v1/members").items.isEmpty)

            let member = try await client.post("/api/v1/members", ["name": "Ada", "email": "ada@example.com"])
            let patched = try await client.request(.patch, "/api/v1/members/\(member.id)", raw: #"{"email":null}"#)
            #expect(patched.status == 400 && Self.detail(patched).hasPrefix("email must not be null"))
            #expect(try await client.get("/api/v1/members/\(member.id)")["email"] as? String == "ada@example.com")
            let cleared = try await client.patch("/api/v1/members/\(member.id)", ["email": ""])
            #expect(cleared.status == 200 && cleared["email"] == nil)

            let catalog = try await Catalog.make(client)
            let booking = try await client.request(.post, "/api/v1/bookings", raw: """
                {"member_id":"\(catalog.memberID)","resource_ids":["\(catalog.roomIDs[0])"],"notes":null,
                 "starts_at":"2030-03-01T14:00:00Z","ends_at":"2030-03-02T11:00:00Z"}
                """)
            #expect(booking.status == 400 && Self.detail(booking).hasPrefix("notes must not be null"))
            // Inside free JSON, null is a value like any other.
            let checkin = try await client.request(.post, "/api/v1/checkins",
                                                   raw: #"{"resource_id":"\#(catalog.roomIDs[0])","metadata":{"n":null}}"#)
            #expect(checkin.status == 201)
        }
    }

    // MARK: time zones

    @Test func timeZonesAreIANANamesOnly() async throws {
        try await TestApp.run { client, _ in
            for zone in ["GMT+5", "UTC+3", "GMT-14", "GMT+0500", "Mars/Olympus", "../../etc/localtime", "europe/paris"] {
                let refused = try await client.post("/api/v1/locations", ["name": "Zone test", "timezone": zone])
                #expect(refused.status == 422 && Self.fields(refused) == ["timezone"], "\(zone)")
                let organization = try await client.patch("/api/v1/organization", ["timezone": zone])
                #expect(organization.status == 422 && Self.fields(organization) == ["timezone"], "\(zone)")
            }
            #expect(try await client.get("/api/v1/locations").items.isEmpty)
            for zone in ["Asia/Kolkata", "UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+5"] {
                #expect(try await client.post("/api/v1/locations", ["name": zone, "timezone": zone]).status == 201, "\(zone)")
            }
            #expect(try await client.patch("/api/v1/organization", ["timezone": "Asia/Kolkata"]).status == 200)
        }
    }

    // MARK: cursors

    @Test(arguments: Backend.enabled)
    func aCursorBelongsToItsList(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            for i in 0..<3 {
                _ = try await client.post("/api/v1/locations", ["name": "Site \(i)"])
                _ = try await client.post("/api/v1/members", ["name": "Guest \(i)"])
            }
            let locations = try await client.get("/api/v1/locations?limit=1")
            let cursor = try #require(locations["next_cursor"] as? String)
            let next = try await client.get("/api/v1/locations?limit=1&cursor=\(cursor)")
            #expect(next.status == 200 && next.items.count == 1 && next.items[0]["id"] as? String != locations.items[0]["id"] as? String)
            for list in ["members", "resources", "bookings", "checkins", "actions"] {
                let other = try await client.get("/api/v1/\(list)?cursor=\(cursor)")
                #expect(other.status == 422 && Self.fields(other) == ["cursor"], "\(list)")
                #expect(Self.detail(other) == "cursor: is a cursor of the locations list, not of \(list)")
            }
            for garbage in ["", "%2F%2F%2F", "MTc4MDAwMDAwMDAwMC8wMTkzMDAwMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDA"] {
                let refused = try await client.get("/api/v1/members?cursor=\(garbage)")
                #expect(refused.status == 422 && Self.fields(refused) == ["cursor"], "\(garbage)")
            }
        }
    }
}
