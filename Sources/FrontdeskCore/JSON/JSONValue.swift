import Foundation

/// Any JSON value, for free-form fields such as a checkin's `metadata`: read from a client, kept,
/// and written back as the same document.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Through a `Decoder`, which cannot say what kind of value comes next: containers are tried
    /// before scalars, so that a nested document fails few tries per level. Text the server stored
    /// is read with `JSONValue(parsing:)`, one pass whatever the depth.
    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: MemberKey.self) {
            var members: [String: JSONValue] = [:]
            for key in keyed.allKeys { members[key.stringValue] = try keyed.decode(JSONValue.self, forKey: key) }
            self = .object(members)
        } else if var unkeyed = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !unkeyed.isAtEnd { items.append(try unkeyed.decode(JSONValue.self)) }
            self = .array(items)
        } else {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .null
            } else if let value = try? c.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? c.decode(Int64.self) {
                self = .integer(value)
            } else if let value = try? c.decode(Double.self) {
                self = .number(value)
            } else {
                self = .string(try c.decode(String.self))
            }
        }
    }

    private struct MemberKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let value): try c.encode(value)
        case .integer(let value): try c.encode(value)
        case .number(let value): try c.encode(value)
        case .string(let value): try c.encode(value)
        case .array(let value): try c.encode(value)
        case .object(let value): try c.encode(value)
        }
    }
}

extension JSONValue: JSONWritable {
    /// Object members in key order, so one document is always written the same way.
    public func write(to json: inout JSONWriter) {
        switch self {
        case .null: json.null()
        case .bool(let value): json.bool(value)
        case .integer(let value): json.int(value)
        case .number(let value): json.double(value)
        case .string(let value): json.string(value)
        case .array(let values): json.array(values) { json, value in value.write(to: &json) }
        case .object(let members):
            json.object { json in
                for (key, value) in members.sorted(by: { $0.key < $1.key }) {
                    json.member(key)
                    value.write(to: &json)
                }
            }
        }
    }
}
