import Foundation

/// A JSON document kept as it was stored (an event's data, an audit entry's before and after),
/// re-emitted as a nested value rather than as a string.
enum RawJSON: Codable, Sendable {
    case object([String: RawJSON])
    case array([RawJSON])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    init?(_ data: Data) {
        guard let value = try? JSONDecoder().decode(RawJSON.self, from: data) else { return nil }
        self = value
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let v = try? c.decode(Bool.self) { self = .bool(v) }
        else if let v = try? c.decode(Double.self) { self = .number(v) }
        else if let v = try? c.decode(String.self) { self = .string(v) }
        else if let v = try? c.decode([RawJSON].self) { self = .array(v) }
        else { self = .object(try c.decode([String: RawJSON].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .object(let v): try c.encode(v)
        case .array(let v): try c.encode(v)
        case .string(let v): try c.encode(v)
        case .number(let v):
            if v == v.rounded(), abs(v) < 1e15 { try c.encode(Int64(v)) } else { try c.encode(v) }
        case .bool(let v): try c.encode(v)
        case .null: try c.encodeNil()
        }
    }
}
