import Foundation
import FrontdeskCore
import Testing

/// The JSON a client, an event or an audit entry sees: snake_case keys and lowercase ids.
@Suite struct BookingJSONTests {
    static let checkedIn = Fixture.instant("2026-06-01T14:05:00Z")

    static func booking() -> Booking {
        var b = Fixture.booking(.checkedIn, lines: [
            Fixture.line(1, state: .occupied, checkedInAt: checkedIn, amount: 24_000,
                         window: Fixture.window("2026-06-01T12:00:00Z", "2026-06-03T09:00:00Z")),
            Fixture.line(2, amount: 3_000, window: Fixture.window("2026-06-02T08:00:00Z", "2026-06-04T09:00:00Z")),
        ])
        b.source = .walkIn
        b.notes = "quiet room"
        return b
    }

    static func written(_ value: some JSONWritable) throws -> (object: [String: Any], text: String) {
        let data = value.json
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (object, String(decoding: data, as: UTF8.self))
    }

    static func encode(_ value: some Encodable) throws -> (object: [String: Any], text: String) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (object, String(decoding: data, as: UTF8.self))
    }

    @Test func bookingKeysAreSnakeCase() throws {
        let (json, _) = try Self.written(Self.booking())
        #expect(Set(json.keys) == [
            "id", "number", "status", "member_id", "location_id", "lines", "source", "notes",
            "starts_at", "ends_at", "total_amount", "currency", "version", "created_at", "updated_at", "allowed_actions",
        ])
        let lines = try #require(json["lines"] as? [[String: Any]])
        #expect(lines.count == 2)
        #expect(Set(lines[0].keys) == [
            "id", "resource_id", "starts_at", "ends_at", "state", "checked_in_at", "amount",
        ])
    }

    @Test func bookingValues() throws {
        let (json, _) = try Self.written(Self.booking())
        #expect(json["status"] as? String == "checked_in")
        #expect(json["source"] as? String == "walk_in")
        #expect(json["number"] as? String == "BK-2026-0007")
        #expect(json["total_amount"] as? Int == 27_000)
        #expect(json["currency"] as? String == "EUR")
        #expect(json["version"] as? Int == 3)
        #expect(json["notes"] as? String == "quiet room")
        // The booking's window spans its lines.
        #expect(json["starts_at"] as? String == "2026-06-01T12:00:00.000Z")
        #expect(json["ends_at"] as? String == "2026-06-04T09:00:00.000Z")
        // Unset values are left out, as the API's answers leave them out.
        #expect(json["actual_start_at"] == nil)
        #expect(json["cancellation_reason"] == nil)
        let lines = try #require(json["lines"] as? [[String: Any]])
        #expect(lines[0]["checked_in_at"] as? String == "2026-06-01T14:05:00.000Z")
        #expect(lines[0]["checked_out_at"] == nil)
        #expect(lines[0]["state"] as? String == "occupied")
        #expect(lines[1]["state"] as? String == "reserved")
        #expect(lines[0]["amount"] as? Int == 24_000)
        #expect(lines[1]["starts_at"] as? String == "2026-06-02T08:00:00.000Z")
    }

    @Test func idsAreLowercase() throws {
        let b = Self.booking()
        let (json, text) = try Self.written(b)
        #expect(json["id"] as? String == b.id.uuidString.lowercased())
        #expect(json["member_id"] as? String == b.memberID.uuidString.lowercased())
        let lines = try #require(json["lines"] as? [[String: Any]])
        #expect(lines[0]["id"] as? String == b.lines[0].id.uuidString.lowercased())
        #expect(lines[0]["resource_id"] as? String == b.lines[0].resourceID.uuidString.lowercased())
        #expect(!text.contains("ABCDEF"), "no id may be written in capitals: \(text)")
    }

    @Test func catalogIDsAreLowercaseToo() throws {
        let resource = Fixture.resource(Fixture.id(0x301))
        let (json, text) = try Self.written(resource)
        #expect(json["id"] as? String == resource.id.uuidString.lowercased())
        #expect(json["organization_id"] as? String == Fixture.organizationID.uuidString.lowercased())
        #expect(json["location_id"] as? String == Fixture.locationID.uuidString.lowercased())
        #expect(json["rate_unit"] as? String == "night")
        #expect(json["rate_amount"] as? Int == 10_000)
        #expect(!text.contains("ABCDEF"))

        let (member, memberText) = try Self.encode(Fixture.member())
        #expect(member["id"] as? String == Fixture.memberID.uuidString.lowercased())
        #expect(member["organization_id"] as? String == Fixture.organizationID.uuidString.lowercased())
        #expect(!memberText.contains("ABCDEF"))
    }

    @Test func resourceIsTheAPIShape() throws {
        var resource = Fixture.resource(Fixture.id(0x301), capacity: 4, unit: .hour, status: .outOfService)
        resource.category = nil
        let (json, _) = try Self.written(resource)
        #expect(Set(json.keys) == ["id", "organization_id", "location_id", "name", "kind", "capacity", "rate_amount",
                                   "rate_unit", "status", "housekeeping", "created_at", "updated_at"])
        #expect(json["status"] as? String == "out_of_service")
        #expect(json["capacity"] as? Int == 4)
        #expect(json["rate_unit"] as? String == "hour")
        #expect(json["created_at"] as? String == InstantFormat.string(from: resource.createdAt))
    }
}
