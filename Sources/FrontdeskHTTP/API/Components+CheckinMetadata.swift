import Foundation
import FrontdeskAPI
import FrontdeskCore

/// A checkin's free `metadata` between the generated schema and the domain's JSON values.
extension Components.Schemas.CheckinMetadata {
    init(_ metadata: [String: JSONValue]) throws {
        self = try JSONDecoder().decode(Self.self, from: JSONEncoder().encode(metadata))
    }

    var domain: [String: JSONValue] {
        get throws(FrontdeskError) {
            do {
                return try JSONDecoder().decode([String: JSONValue].self, from: JSONEncoder().encode(self))
            } catch {
                throw .malformedRequest("metadata must be a JSON object")
            }
        }
    }
}
