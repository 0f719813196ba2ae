import Foundation

/// The members of a JSON object as text: each key (as written, quotes and escapes included) with
/// its value's text, in the document's order. Two documents this server wrote are compared member
/// by member without building their values (`JSONValue(parsing:)`): `JSONWriter` writes equal
/// values as equal text, a type's keys in one order. Nil when the text is not an object.
struct JSONMembers {
    typealias Text = ArraySlice<UInt8>
    private(set) var members: [(key: Text, value: Text)] = []

    init?(_ data: Data) {
        let bytes = [UInt8](data)
        var i = Self.skipSpace(bytes, 0)
        guard i < bytes.count, bytes[i] == .openBrace else { return nil }
        i = Self.skipSpace(bytes, i + 1)
        if i < bytes.count, bytes[i] == .closeBrace {
            guard Self.onlySpace(bytes, after: i + 1) else { return nil }
            return
        }
        while i < bytes.count {
            guard bytes[i] == .quote, let keyEnd = Self.endOfString(bytes, i) else { return nil }
            let colon = Self.skipSpace(bytes, keyEnd)
            guard colon < bytes.count, bytes[colon] == .colon else { return nil }
            let start = Self.skipSpace(bytes, colon + 1)
            guard let end = Self.endOfValue(bytes, start), end > start else { return nil }
            members.append((bytes[i..<keyEnd], bytes[start..<end]))
            let next = Self.skipSpace(bytes, end)
            guard next < bytes.count else { return nil }
            if bytes[next] == .closeBrace {
                guard Self.onlySpace(bytes, after: next + 1) else { return nil }
                return
            }
            guard bytes[next] == .comma else { return nil }
            i = Self.skipSpace(bytes, next + 1)
        }
        return nil
    }

    /// The members whose flag in `keep` (one per member) is set, in this document's order, as one object.
    func object(keeping keep: [Bool]) -> Data {
        var text: [UInt8] = [.openBrace]
        for (member, kept) in zip(members, keep) where kept {
            if text.count > 1 { text.append(.comma) }
            text += member.key
            text.append(.colon)
            text += member.value
        }
        text.append(.closeBrace)
        return Data(text)
    }

    /// The index of the member named `key`, looked for from `start` to the end, then from the
    /// beginning: where the keys come in one order, the first place looked is usually it.
    func index(of key: Text, from start: Int) -> Int? {
        let start = min(start, members.count)
        return members[start...].firstIndex { $0.key == key } ?? members[..<start].firstIndex { $0.key == key }
    }

    /// The index past a value starting at `start`: a string, an object or array (strings inside it
    /// skipped whole), or a scalar running to the next `,` or `}` (its trailing space left out).
    private static func endOfValue(_ bytes: [UInt8], _ start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case .quote:
            return endOfString(bytes, start)
        case .openBrace, .openBracket:
            var depth = 0, i = start
            while i < bytes.count {
                switch bytes[i] {
                case .quote:
                    guard let end = endOfString(bytes, i) else { return nil }
                    i = end
                    continue
                case .openBrace, .openBracket: depth += 1
                case .closeBrace, .closeBracket:
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default: break
                }
                i += 1
            }
            return nil
        default:
            var end = start
            while end < bytes.count, bytes[end] != .comma, bytes[end] != .closeBrace { end += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            return end
        }
    }

    /// The index past the closing quote of the string opening at `start`.
    private static func endOfString(_ bytes: [UInt8], _ start: Int) -> Int? {
        var i = start + 1
        while i < bytes.count {
            switch bytes[i] {
            case .backslash: i += 2
            case .quote: return i + 1
            default: i += 1
            }
        }
        return nil
    }

    private static func skipSpace(_ bytes: [UInt8], _ start: Int) -> Int {
        var i = start
        while i < bytes.count, isSpace(bytes[i]) { i += 1 }
        return i
    }

    private static func onlySpace(_ bytes: [UInt8], after start: Int) -> Bool { skipSpace(bytes, start) == bytes.count }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
}

private extension UInt8 {
    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ","), openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
}
