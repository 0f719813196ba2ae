import Foundation
import FrontdeskAPI
import FrontdeskCore
import OpenAPIRuntime

/// A checkin's free `metadata` between the generated schema (values of the OpenAPI runtime's
/// `Bool`, `Int`, `Double`, `String`, arrays and dictionaries) and the domain's JSON values.
extension Components.Schemas.CheckinMetadata {
    init(_ metadata: [String: JSONValue]) throws {
        self.init(additionalProperties: try OpenAPIObjectContainer(unvalidatedValue: metadata.mapValues(\.openAPIValue)))
    }

    var domain: [String: JSONValue] {
        get throws(FrontdeskError) {
            var members: [String: JSONValue] = [:]
            for (key, value) in additionalProperties.value {
                guard let value = JSONValue(openAPIValue: value) else {
                    throw .malformedRequest("metadata must be a JSON object")
                }
                members[key] = value
            }
            return members
        }
    }
}

extension OpenAPIObjectContainer {
    /// A JSON object the server stored (an audit entry's before and after, an event's data), read
    /// in one pass (`JSONValue(parsing:)`) rather than through the runtime's `Decodable`.
    init(storedJSON data: Data) throws {
        guard case .object(let members) = try JSONValue(parsing: data) else {
            throw JSONValue.ParseError(kind: .syntax, path: [], offset: 0)
        }
        try self.init(unvalidatedValue: members.mapValues(\.openAPIValue))
    }
}

extension JSONValue {
    /// The value as the OpenAPI runtime's containers hold it.
    var openAPIValue: (any Sendable)? {
        switch self {
        case .null: nil
        case .bool(let value): value
        case .integer(let value): Int(value)
        case .number(let value): value
        case .string(let value): value
        case .array(let values): values.map(\.openAPIValue)
        case .object(let members): members.mapValues(\.openAPIValue)
        }
    }

    /// A value the OpenAPI runtime decoded; nil for a type JSON has not.
    init?(openAPIValue value: (any Sendable)?) {
        switch value {
        case nil: self = .null
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .integer(Int64(value))
        case let value as Double: self = .number(value)
        case let value as String: self = .string(value)
        case let values as [(any Sendable)?]:
            var items: [JSONValue] = []
            for value in values {
                guard let item = JSONValue(openAPIValue: value) else { return nil }
                items.append(item)
            }
            self = .array(items)
        case let members as [String: (any Sendable)?]:
            var object: [String: JSONValue] = [:]
            for (key, value) in members {
                guard let item = JSONValue(openAPIValue: value) else { return nil }
                object[key] = item
            }
            self = .object(object)
        default: return nil
        }
    }
}
