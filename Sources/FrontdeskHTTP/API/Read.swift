import Foundation
import FrontdeskCore
import FrontdeskEngine

/// Reading ids and headers from requests.
enum Read {
    /// An id in a body or query: malformed is a 400.
    static func uuid(_ text: String, _ field: String) throws(FrontdeskError) -> UUID {
        guard let id = UUID(text: text) else { throw .malformedRequest("\(field) must be a UUID, got \(text)") }
        return id
    }

    static func uuidIfPresent(_ text: String?, _ field: String) throws(FrontdeskError) -> UUID? {
        guard let text else { return nil }
        return try uuid(text, field)
    }

    /// A list filter's ids, separated by commas (at most `maxListIDs`); none when absent.
    static func uuids(_ text: String?, _ field: String) throws(FrontdeskError) -> [UUID] {
        guard let text else { return [] }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= maxListIDs else {
            throw .validationFailed([FieldIssue(field, "give at most \(maxListIDs) ids, separated by commas")])
        }
        var ids: [UUID] = []
        for part in parts { ids.append(try uuid(String(part), field)) }
        return ids
    }

    static let maxListIDs = 100

    /// An id in a path: one that is not a UUID is a 400, as any malformed id is.
    static func pathID(_ text: String, _ entity: String) throws(FrontdeskError) -> UUID {
        guard let id = UUID(text: text) else { throw .malformedRequest("A \(entity) id must be a UUID, got \(text)") }
        return id
    }

    /// A checkin's `check_in` on registration: `now`, or an instant.
    static func arrival(_ text: String) throws(FrontdeskError) -> CheckinRequest.Arrival {
        guard text != "now" else { return .now }
        do {
            return .at(try InstantFormat.parse(text))
        } catch {
            throw error.problem("check_in")
        }
    }

    /// An instant of a query: unreadable is a 400 naming it, and so is a `required` one absent.
    static func instant(_ text: String?, _ field: String, required: Bool = false) throws(FrontdeskError) -> Date? {
        guard let text else {
            if required { throw .malformedRequest("\(field) is required: \(InstantFormat.expected).") }
            return nil
        }
        do { return try InstantFormat.parse(text) } catch { throw error.problem(field) }
    }

    /// The `from`/`to` window of a list, either end open; `to` must come after `from`.
    static func window(from: Date?, to: Date?) throws(FrontdeskError) -> TimeWindow? {
        var v = Validator()
        if let from, let to { v.check(from < to, "to", "must be after from") }
        try v.validate()
        guard from != nil || to != nil else { return nil }
        return TimeWindow(start: from ?? .distantPast, end: to ?? .distantFuture)
    }

    /// `If-Match: "3"`, `W/"3"` or `3` → 3; `*` or absent → no condition.
    static func version(ifMatch header: String?) throws(FrontdeskError) -> Int? {
        guard let header, header != "*" else { return nil }
        var text = header.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("W/") { text.removeFirst(2) }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let version = Int(text) else { throw .malformedRequest("If-Match must be a version such as \"3\"") }
        return version
    }

    static func etag(_ entity: some Versioned) -> String { "\"\(entity.version)\"" }
}

/// What `If-Match` and `ETag` carry the version of.
protocol Versioned {
    var version: Int { get }
}

extension Booking: Versioned {}
extension Checkin: Versioned {}
