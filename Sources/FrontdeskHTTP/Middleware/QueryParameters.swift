import Foundation
import FrontdeskAPI
import FrontdeskCore
import HTTPTypes

/// What the generated server cannot say when it fails to read a query parameter: which one, and
/// for an enumeration the values it takes. The parameters that are not free text are read here,
/// before the generated decoders (a 400 naming the parameter); a list filter also takes its values
/// comma-separated (`state=pending,in_progress`), as the event stream's `types=` does, and is
/// handed on repeated (`state=pending&state=in_progress`), the form the spec declares.
enum QueryParameters {
    enum Kind {
        case integer
        /// One of these values.
        case value(of: [String])
        /// Any number of these values, repeated or comma-separated.
        case list(of: [String])
    }

    /// The parameters of each operation that take an enumeration.
    static let operations: [String: [String: Kind]] = [
        "listWebhookDeliveries": ["status": .list(of: Components.Schemas.DeliveryStatus.allCases.map(\.rawValue)),
                                  "event_type": .list(of: Components.Schemas.EventType.allCases.map(\.rawValue))],
        "listCorrections": ["status": .list(of: Components.Schemas.CorrectionStatus.allCases.map(\.rawValue)),
                            "type": .list(of: Components.Schemas.CorrectionType.allCases.map(\.rawValue)),
                            "priority": .list(of: Components.Schemas.CorrectionPriority.allCases.map(\.rawValue))],
        "listAudit": ["entity_type": .value(of: Operations.ListAudit.Input.Query.EntityTypePayload.allCases.map(\.rawValue)),
                      "actor_type": .value(of: Operations.ListAudit.Input.Query.ActorTypePayload.allCases.map(\.rawValue))],
    ]

    /// The parameters every operation that has them reads as integers.
    static let integers: Set<String> = ["limit", "after"]

    /// The headers read as integers (the event stream's resume point), checked as parameters are.
    static let integerHeaders = [HTTPField.Name("Last-Event-ID")!]

    static func readHeaders(_ fields: HTTPFields) throws(FrontdeskError) {
        for name in integerHeaders {
            if let value = fields[name], Int64(value) == nil {
                throw .malformedRequest("\(name) must be an integer, not \(TimeTextError.quoted(value)).")
            }
        }
    }

    /// `path` with each list filter's values given one by one; throws a 400 naming the first
    /// parameter of `operationID` that cannot be read.
    static func read(_ path: String, operationID: String) throws(FrontdeskError) -> String {
        guard let mark = path.firstIndex(of: "?") else { return path }
        let kinds = operations[operationID] ?? [:]
        var items: [String] = []
        for item in path[path.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: false) {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0]).removingPercentEncoding ?? String(pair[0])
            let raw = pair.count == 2 ? pair[1] : ""
            let value = String(raw).removingPercentEncoding ?? String(raw)
            switch integers.contains(name) ? .integer : kinds[name] {
            case .integer?:
                guard Int64(value) != nil else { throw .malformedRequest("\(name) must be an integer, not \(TimeTextError.quoted(value)).") }
            case .value(let allowed)?:
                try check([value], name, allowed)
            case .list(let allowed)?:
                let values = raw.split(separator: ",", omittingEmptySubsequences: false)
                try check(values.map { String($0).removingPercentEncoding ?? String($0) }, name, allowed)
                items += values.map { pair[0] + "=" + $0 }
                continue
            case nil:
                break
            }
            items.append(String(item))
        }
        return path[...mark] + items.joined(separator: "&")
    }

    private static func check(_ values: [String], _ name: String, _ allowed: [String]) throws(FrontdeskError) {
        for value in values where !allowed.contains(value) {
            throw .malformedRequest("\(name) must be one of \(allowed.joined(separator: ", ")), not \(TimeTextError.quoted(value)).")
        }
    }
}
