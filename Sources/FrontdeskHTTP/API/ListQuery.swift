import Foundation
import FrontdeskCore
import FrontdeskEngine
import Hummingbird

/// The query and the answer of a list served by a hand-written route, read and written as the
/// generated server does: a 400 names the parameter it cannot read (an enumeration's with the
/// values it takes), a filter takes its values repeated or comma-separated, and a page is the
/// API's `…List` schema, `items` and `next_cursor`, written by `JSONWriter`.
enum ListQuery {
    /// A page of a list as the API's `…List` schemas hold it.
    static func answer<Item: JSONWritable>(_ page: Page<Item>, _ list: PageList) -> Data {
        var json = JSONWriter()
        json.object { json in
            json.key("items"); json.array(page.items) { json, item in item.write(to: &json) }
            if let next = page.nextCursor(in: list) { json.key("next_cursor"); json.string(next) }
        }
        return json.data
    }

    static func page(_ query: Parameters, list: PageList) throws(FrontdeskError) -> PageRequest {
        var limit: Int?
        if let text = query.get("limit") {
            guard let value = Int(text) else { throw .malformedRequest("limit must be an integer, not \(TimeTextError.quoted(text)).") }
            limit = value
        }
        return try PageRequest(limit: limit, cursor: query.get("cursor"), list: list)
    }

    /// A filter's values, repeated or comma-separated; one that is none of `T`'s is a 400.
    static func values<T: RawRepresentable & CaseIterable>(
        _ given: [String], _ name: String, as _: T.Type
    ) throws(FrontdeskError) -> [T] where T.RawValue == String {
        var values: [T] = []
        for text in given.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            guard let value = T(rawValue: String(text)) else {
                throw .malformedRequest("\(name) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), "
                    + "not \(TimeTextError.quoted(String(text))).")
            }
            values.append(value)
        }
        return values
    }

    static func bool(_ text: String?, _ name: String) throws(FrontdeskError) -> Bool? {
        switch text {
        case nil: nil
        case "true": true
        case "false": false
        case let text?: throw .malformedRequest("\(name) must be true or false, not \(TimeTextError.quoted(text)).")
        }
    }
}
