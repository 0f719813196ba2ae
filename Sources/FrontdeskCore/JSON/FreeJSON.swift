import Foundation

/// The rules of free JSON a client stores (a checkin's `metadata`): at most `maxDepth` levels of
/// objects and arrays, at most a field's bytes as the server writes it back, numbers it can write
/// back exactly (see `JSONValue.Reading.exactNumbers`), and no NUL in a key or a string, which
/// PostgreSQL's text cannot store. Other control characters are kept as given.
public enum FreeJSON {
    /// The most levels of objects and arrays, the outermost object included.
    public static let maxDepth = 32

    /// How free JSON is read from a request: numbers exactly, nesting to `maxDepth`.
    public static let reading = JSONValue.Reading(maxDepth: maxDepth, exactNumbers: true)

    /// Checks a decoded value; a failing rule is an issue on `field`.
    public static func check(_ value: JSONValue, _ field: String, maxBytes: Int, _ v: inout Validator) {
        v.check(value.depth <= maxDepth, field, depthMessage)
        var json = JSONWriter(capacity: 256)
        value.write(to: &json)
        v.check(json.bytes.count <= maxBytes, field, "must be at most \(maxBytes) bytes of JSON")
        v.check(!value.holdsNUL, field, "must not hold the NUL character (U+0000) in a key or a string")
        v.check(value.numbersAreFinite, field, "must hold finite numbers only")
    }

    /// A reading error of the value of `field`, as its issue: the path inside the value and why.
    public static func issue(_ error: JSONValue.ParseError, in field: String) -> FieldIssue {
        let inner = JSONValue.ParseError.text(of: error.path)
        let at = inner.isEmpty ? "" : "at \(inner): "
        switch error.kind {
        case .tooDeep: return FieldIssue(field, depthMessage)
        default: return FieldIssue(field, at + error.reason)
        }
    }

    static let depthMessage = "must nest at most \(maxDepth) levels of objects and arrays"
}

extension JSONValue {
    var holdsNUL: Bool {
        switch self {
        case .string(let text): text.utf8.contains(0)
        case .array(let items): items.contains(where: \.holdsNUL)
        case .object(let members): members.contains { $0.key.utf8.contains(0) || $0.value.holdsNUL }
        default: false
        }
    }

    var numbersAreFinite: Bool {
        switch self {
        case .number(let number): number.isFinite
        case .array(let items): items.allSatisfy(\.numbersAreFinite)
        case .object(let members): members.values.allSatisfy(\.numbersAreFinite)
        default: true
        }
    }
}
