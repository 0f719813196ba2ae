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

    /// Reads `limit` and the opaque `cursor` a client sent back, which must be one of `list`: a
    /// cursor of another list is refused (`422` on `cursor`), not read as a position in this one.
    public init(limit: Int?, cursor: String?, list: PageList) throws(FrontdeskError) {
        var v = Validator()
        let limit = limit ?? Self.defaultLimit
        v.check((1...Self.maxLimit).contains(limit), "limit", "must be between 1 and \(Self.maxLimit)")
        var after: Cursor?
        if let cursor {
            switch Cursor.read(cursor) {
            case .some((let read, let readList)) where readList == list: after = read
            case .some((_, let readList)):
                v.check(false, "cursor", "is a cursor of the \(readList.rawValue) list, not of \(list.rawValue)")
            case nil:
                v.check(false, "cursor", "is not a cursor this server returned")
            }
        }
        try v.validate()
        self.init(limit: limit, after: after)
    }
}

/// The lists that are paged: a cursor names the one it belongs to.
public enum PageList: String, Sendable, Hashable, CaseIterable {
    case locations, resources, members, bookings, checkins, actions, audit, corrections, invoices, payments
    case webhookDeliveries = "webhook_deliveries"
}

/// A position in a list: the creation instant and id of the last item seen.
public struct Cursor: Sendable, Hashable {
    public var createdAt: Date
    public var id: UUID

    public init(createdAt: Date, id: UUID) {
        self.createdAt = createdAt
        self.id = id
    }

    /// The cursor written by `opaque(in:)`, and its list; nil for any other text.
    static func read(_ opaque: String) -> (Cursor, PageList)? {
        var base64 = opaque.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, let list = PageList(rawValue: String(parts[0])), let ms = Int64(parts[1]),
              let id = UUID(text: String(parts[2])) else { return nil }
        return (Cursor(createdAt: Date(timeIntervalSince1970: Double(ms) / 1000), id: id), list)
    }

    /// The text a client sends back as `cursor` to read `list` on from here: base64url of
    /// `list/milliseconds/id`.
    public func opaque(in list: PageList) -> String {
        let ms = Int64((createdAt.timeIntervalSince1970 * 1000).rounded())
        return Data("\(list.rawValue)/\(ms)/\(id.text)".utf8).base64EncodedString()
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

    /// The `next_cursor` of this page of `list`.
    public func nextCursor(in list: PageList) -> String? { next?.opaque(in: list) }

    /// Every item of a paged list, read a page (`PageRequest.maxLimit` items) at a time.
    public static func all(_ fetch: (PageRequest) async throws -> Page<Item>) async throws -> [Item] {
        var items: [Item] = []
        var page = PageRequest(limit: PageRequest.maxLimit)
        while true {
            let fetched = try await fetch(page)
            items += fetched.items
            guard let next = fetched.next else { return items }
            page.after = next
        }
    }

    /// Builds a page from up to `limit + 1` rows fetched in list order.
    public init(fetched: [Item], limit: Int, cursor: (Item) -> Cursor) {
        items = Array(fetched.prefix(limit))
        next = fetched.count > limit ? items.last.map(cursor) : nil
    }
}
