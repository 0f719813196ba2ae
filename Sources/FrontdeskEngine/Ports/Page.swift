import Foundation
import FrontdeskCore

/// Where a list starts and how long it is. Lists are ordered by creation, then id.
public struct PageRequest: Sendable, Hashable {
    public var limit: Int
    public var after: Cursor?

    public static let defaultLimit = 50
    public static let maxLimit = 200

    public init(limit: Int = PageRequest.defaultLimit, after: Cursor? = nil) {
        self.limit = limit
        self.after = after
    }

    /// Reads `limit` and the opaque `cursor` a client sent back.
    public init(limit: Int?, cursor: String?) throws(FrontdeskError) {
        var v = Validator()
        let limit = limit ?? Self.defaultLimit
        v.check((1...Self.maxLimit).contains(limit), "limit", "must be between 1 and \(Self.maxLimit)")
        let after = cursor.flatMap(Cursor.init(opaque:))
        v.check(cursor == nil || after != nil, "cursor", "is not a cursor this server returned")
        try v.validate()
        self.init(limit: limit, after: after)
    }
}

/// A position in a list: the creation instant and id of the last item seen.
public struct Cursor: Sendable, Hashable {
    public var createdAt: Date
    public var id: UUID

    public init(createdAt: Date, id: UUID) {
        self.createdAt = createdAt
        self.id = id
    }

    public init?(opaque: String) {
        var base64 = opaque.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "/")
        guard parts.count == 2, let ms = Int64(parts[0]), let id = UUID(text: String(parts[1])) else { return nil }
        self.init(createdAt: Date(timeIntervalSince1970: Double(ms) / 1000), id: id)
    }

    public var opaque: String {
        let ms = Int64((createdAt.timeIntervalSince1970 * 1000).rounded())
        return Data("\(ms)/\(id.text)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// One page of a list, with the cursor of the next one when there is more.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var next: Cursor?

    public init(items: [Item], next: Cursor?) {
        self.items = items
        self.next = next
    }

    /// Builds a page from up to `limit + 1` rows fetched in list order.
    public init(fetched: [Item], limit: Int, cursor: (Item) -> Cursor) {
        items = Array(fetched.prefix(limit))
        next = fetched.count > limit ? items.last.map(cursor) : nil
    }
}
