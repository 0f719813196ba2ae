import FrontdeskCore
import Hummingbird

/// Refuses a query string whose parameters are not percent-encoded UTF-8 (`?q=%FF%FE`, `?q=%G1`):
/// a 400 naming the parameter. The decoders of query strings read such a value as empty (the
/// generated server's) or with replacement characters (Hummingbird's), so a filter would quietly
/// match everything, or nothing.
struct QueryMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let query = request.uri.query { try Self.check(query) }
        return try await next(request, context)
    }

    static func check(_ query: String) throws(FrontdeskError) {
        for item in query.utf8.split(separator: UInt8(ascii: "&")) {
            let pair = item.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decoded(pair[0]) else {
                throw .malformedRequest("A query parameter's name is not percent-encoded UTF-8.")
            }
            if pair.count == 2, decoded(pair[1]) == nil {
                throw .malformedRequest("The query parameter \(name) is not percent-encoded UTF-8 text.")
            }
        }
    }

    /// The text a query component percent-decodes to; nil when a `%` is not followed by two hex
    /// digits or the bytes are not UTF-8.
    static func decoded(_ component: Substring.UTF8View) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(component.count)
        var index = component.startIndex
        while index < component.endIndex {
            let byte = component[index]
            if byte == UInt8(ascii: "%") {
                let high = component.index(after: index)
                guard high < component.endIndex, let h = hex(component[high]) else { return nil }
                let low = component.index(after: high)
                guard low < component.endIndex, let l = hex(component[low]) else { return nil }
                bytes.append(h << 4 | l)
                index = component.index(after: low)
            } else {
                bytes.append(byte)
                index = component.index(after: index)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
