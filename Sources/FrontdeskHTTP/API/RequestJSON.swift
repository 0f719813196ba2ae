import Foundation
import FrontdeskCore
import OpenAPIRuntime

/// What the decoders of requests let through and the API refuses, read from a JSON body before it
/// is decoded (the generated server's through `JSONBodyMiddleware`, the hand-written routes'
/// through `WireJSON`):
/// - a `null` property: none of the API's request properties takes null (the spec declares none
///   nullable); a property left out keeps its value, and on a PATCH an empty string clears a text.
///   The decoders read `"email": null` as if it were absent, so it is a 400 instead.
/// - free JSON (a checkin's `metadata`) the server could not keep as given: read by Core's rules
///   (`FreeJSON.reading`: nesting, numbers kept exactly), a failure is a 422 on the field, before
///   the decoder has spent anything on a deep document.
/// And it names the field of a date-time the decoders could not read.
enum RequestJSON {
    static func check(_ bytes: [UInt8], freeJSON field: String?) throws(FrontdeskError) {
        guard field != nil || contains(bytes, "null") else { return }
        let reading = field == nil
            ? JSONValue.Reading.stored
            : JSONValue.Reading(maxDepth: FreeJSON.maxDepth + 1, exactNumbers: true)
        let body: JSONValue
        do {
            body = try JSONValue(parsing: bytes, reading)
        } catch {
            guard let field, error.path.first == .key(field) else {
                return // not JSON, or a problem outside free JSON: the decoder answers it
            }
            var inner = error
            inner.path.removeFirst()
            throw .validationFailed([FreeJSON.issue(inner, in: field)])
        }
        if let path = nullPath(in: body, skipping: field) {
            throw .malformedRequest("\(path) must not be null: leave it out to keep the value as it is "
                                    + "(on a PATCH, an empty string clears a text).")
        }
    }

    /// The first null value outside the free JSON member `skipping`, as a path (`lines[0].starts_at`).
    static func nullPath(in value: JSONValue, skipping free: String?) -> String? {
        func search(_ value: JSONValue, _ path: [JSONValue.ParseError.PathComponent]) -> String? {
            switch value {
            case .null:
                return JSONValue.ParseError.text(of: path)
            case .array(let items):
                for (index, item) in items.enumerated() {
                    if let found = search(item, path + [.index(index)]) { return found }
                }
            case .object(let members):
                for key in members.keys.sorted() where !(path.isEmpty && key == free) {
                    if let found = search(members[key]!, path + [.key(key)]) { return found }
                }
            default:
                break
            }
            return nil
        }
        return search(value, [])
    }

    // MARK: Date-times the decoders could not read

    /// The date-time text `error` (thrown by a generated decoder) failed on, if that is what it is.
    static func unreadableInstant(_ error: any Error) -> TimeTextError? {
        switch error {
        case let error as TimeTextError: return error
        case let error as ServerError: return unreadableInstant(error.underlyingError)
        case DecodingError.dataCorrupted(let context): return context.underlyingError.flatMap(unreadableInstant)
        default: return nil
        }
    }

    /// Where a request carried `text`: the name of a query parameter whose value it is, else the
    /// path of a string in the JSON body that is it; nil when neither is.
    static func field(holding text: String, query: String?, body: [UInt8]?) -> String? {
        for item in (query ?? "").split(separator: "&") {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2, let value = decoded(pair[1]), value == text else { continue }
            return decoded(pair[0])
        }
        guard let body, let json = try? JSONValue(parsing: body) else { return nil }
        func search(_ value: JSONValue, _ path: [JSONValue.ParseError.PathComponent]) -> String? {
            switch value {
            case .string(let string) where string == text:
                return JSONValue.ParseError.text(of: path)
            case .array(let items):
                for (index, item) in items.enumerated() {
                    if let found = search(item, path + [.index(index)]) { return found }
                }
            case .object(let members):
                for key in members.keys.sorted() {
                    if let found = search(members[key]!, path + [.key(key)]) { return found }
                }
            default:
                break
            }
            return nil
        }
        return search(json, [])
    }

    /// A coding path as a client writes it: `lines[0].starts_at`.
    static func path(_ keys: [any CodingKey]) -> String {
        JSONValue.ParseError.text(of: keys.map { key in key.intValue.map { .index($0) } ?? .key(key.stringValue) })
    }

    private static func decoded(_ component: Substring) -> String? {
        String(component).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    private static func contains(_ bytes: [UInt8], _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let first = word.utf8Start[0]
        for start in 0...(bytes.count - count) where bytes[start] == first {
            var offset = 1
            while offset < count, bytes[start + offset] == word.utf8Start[offset] { offset += 1 }
            if offset == count { return true }
        }
        return false
    }
}
