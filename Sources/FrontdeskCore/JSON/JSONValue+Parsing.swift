import Foundation

/// Reading a JSON document into a `JSONValue` in one pass over its bytes: each value is read once,
/// whatever its depth, so a document costs what its size costs. (`Decodable` cannot do that: a
/// `Decoder` does not say what kind of value comes next, so `init(from:)` tries them in turn, and
/// the failed tries cost more the deeper they are.)
extension JSONValue {
    /// How strictly a document is read.
    public struct Reading: Sendable, Hashable {
        /// The most objects and arrays that may nest (the outermost counts as 1).
        public var maxDepth: Int
        /// Numbers must read back exactly as written: an integer (no fraction, no exponent) must
        /// fit in 64 bits, and any other number must be exactly the decimal value of the 64-bit
        /// floating-point number it reads as (`0.1` and `1.5e300` are, `1e-400` and
        /// `12345678901234567890.5` are not). Without it, such numbers read as the nearest double.
        public var exactNumbers: Bool

        public init(maxDepth: Int, exactNumbers: Bool) {
            self.maxDepth = maxDepth
            self.exactNumbers = exactNumbers
        }

        /// Documents the server wrote itself: as deep as Foundation's `JSONDecoder` reads (512),
        /// numbers as they come.
        public static let stored = Reading(maxDepth: 512, exactNumbers: false)
    }

    /// Why a document could not be read, and where: `path` names the member or item that holds
    /// the problem (`["metadata", "readings", 2]`), outermost first.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public enum Kind: Sendable, Hashable {
            /// Not JSON: the byte at `offset` is not what the grammar allows there.
            case syntax
            /// Objects and arrays nest deeper than the limit.
            case tooDeep(limit: Int)
            /// An integer outside -2^63 ... 2^63-1 (`exactNumbers`).
            case integerOutOfRange(String)
            /// A number no 64-bit double holds exactly: it overflows, underflows or needs more
            /// digits than a double keeps (`exactNumbers`).
            case inexactNumber(String)
        }

        public var kind: Kind
        public var path: [PathComponent]
        /// The byte offset the reader had reached.
        public var offset: Int

        public init(kind: Kind, path: [PathComponent], offset: Int) {
            self.kind = kind
            self.path = path
            self.offset = offset
        }

        public enum PathComponent: Sendable, Hashable {
            case key(String)
            case index(Int)
        }

        /// The path as a client writes it: `metadata.readings[2]`; empty for the whole document.
        public var pathText: String { Self.text(of: path) }

        public static func text(of path: [PathComponent]) -> String {
            var text = ""
            for component in path {
                switch component {
                case .key(let key): text += text.isEmpty ? key : "." + key
                case .index(let index): text += "[\(index)]"
                }
            }
            return text
        }

        /// What is wrong, as a field's message: "nests deeper than 32 levels".
        public var reason: String {
            switch kind {
            case .syntax: "is not valid JSON (at byte \(offset))"
            case .tooDeep(let limit): "nests deeper than \(limit) levels of objects and arrays"
            case .integerOutOfRange(let text):
                "holds the integer \(text), outside the 64-bit range -9223372036854775808 to 9223372036854775807"
            case .inexactNumber(let text):
                "holds the number \(text), which a 64-bit floating-point number cannot keep exactly"
            }
        }

        public var description: String { path.isEmpty ? "The document \(reason)" : "\(pathText) \(reason)" }
    }

    /// Reads one JSON document (any value at the top, surrounded by optional whitespace).
    public init(parsing text: String, _ reading: Reading = .stored) throws(ParseError) {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(ParseError) in try Self.parse(UnsafeRawBufferPointer(bytes), reading) }
        }
        self = try result.get()
    }

    /// Reads one JSON document from UTF-8 bytes.
    public init(parsing bytes: some ContiguousBytes, _ reading: Reading = .stored) throws(ParseError) {
        let result = bytes.withUnsafeBytes { bytes in Result { () throws(ParseError) in try Self.parse(bytes, reading) } }
        self = try result.get()
    }

    /// An object's members, for a document that must be an object (a checkin's stored metadata).
    public static func object(parsing text: String, _ reading: Reading = .stored) throws(ParseError) -> [String: JSONValue] {
        guard case .object(let members) = try JSONValue(parsing: text, reading) else {
            throw ParseError(kind: .syntax, path: [], offset: 0)
        }
        return members
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer, _ reading: Reading) throws(ParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, reading: reading)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.error(.syntax) }
        return value
    }

    /// How deep objects and arrays nest in this value: 0 for a scalar, 1 for `{}` or `[1]`.
    public var depth: Int {
        switch self {
        case .array(let items): 1 + (items.lazy.map(\.depth).max() ?? 0)
        case .object(let members): 1 + (members.values.lazy.map(\.depth).max() ?? 0)
        default: 0
        }
    }
}

/// A recursive-descent reader of RFC 8259 JSON over UTF-8 bytes.
private struct JSONParser {
    let bytes: UnsafeRawBufferPointer
    let reading: JSONValue.Reading
    var index = 0

    init(bytes: UnsafeRawBufferPointer, reading: JSONValue.Reading) {
        self.bytes = bytes
        self.reading = reading
    }

    func error(_ kind: JSONValue.ParseError.Kind) -> JSONValue.ParseError {
        JSONValue.ParseError(kind: kind, path: [], offset: index)
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    mutating func expect(_ byte: UInt8) throws(JSONValue.ParseError) {
        guard current == byte else { throw error(.syntax) }
        index += 1
    }

    mutating func literal(_ word: StaticString, _ value: JSONValue) throws(JSONValue.ParseError) -> JSONValue {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error(.syntax) }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw error(.syntax) }
        index += count
        return value
    }

    /// The value at `index`; `depth` is how many containers enclose it.
    mutating func value(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
        guard let byte = current else { throw error(.syntax) }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error(.syntax)
        }
    }

    mutating func object(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
        guard depth <= reading.maxDepth else { throw error(.tooDeep(limit: reading.maxDepth)) }
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error(.syntax) }
            let key = try string()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            do {
                members[key] = try value(depth: depth)
            } catch {
                var error = error
                error.path.insert(.key(key), at: 0)
                throw error
            }
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                index += 1
            } else {
                try expect(UInt8(ascii: "}"))
                return .object(members)
            }
        }
    }

    mutating func array(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
        guard depth <= reading.maxDepth else { throw error(.tooDeep(limit: reading.maxDepth)) }
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            do {
                items.append(try value(depth: depth))
            } catch {
                var error = error
                error.path.insert(.index(items.count), at: 0)
                throw error
            }
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                index += 1
            } else {
                try expect(UInt8(ascii: "]"))
                return .array(items)
            }
        }
    }

    /// A string at `index` (its opening quote): escapes resolved, UTF-8 checked.
    mutating func string() throws(JSONValue.ParseError) -> String {
        index += 1
        let start = index
        // The common case: no escape, read straight from the bytes.
        while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
            guard byte >= 0x20 else { throw error(.syntax) }
            index += 1
        }
        guard let stop = current else { throw error(.syntax) }
        var utf8 = [UInt8](bytes[start..<index])
        if stop == UInt8(ascii: "\\") {
            while true {
                guard let byte = current else { throw error(.syntax) }
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return try text(utf8)
                case UInt8(ascii: "\\"):
                    try escape(into: &utf8)
                case 0..<0x20:
                    index -= 1
                    throw error(.syntax)
                default:
                    utf8.append(byte)
                }
            }
        }
        index += 1
        return try text(utf8)
    }

    func text(_ utf8: [UInt8]) throws(JSONValue.ParseError) -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else { throw error(.syntax) }
        return text
    }

    /// The escape after a backslash, appended as UTF-8.
    mutating func escape(into utf8: inout [UInt8]) throws(JSONValue.ParseError) {
        guard let byte = current else { throw error(.syntax) }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try hex4())
            if (0xD800...0xDBFF).contains(scalar) {
                // A high surrogate must be followed by an escaped low one.
                guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error(.syntax)
                }
                index += 2
                let low = UInt32(try hex4())
                guard (0xDC00...0xDFFF).contains(low) else { throw error(.syntax) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw error(.syntax) }
            utf8.append(contentsOf: String(Character(unicode)).utf8)
        default:
            index -= 1
            throw error(.syntax)
        }
    }

    mutating func hex4() throws(JSONValue.ParseError) -> UInt16 {
        guard index + 4 <= bytes.count else { throw error(.syntax) }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error(.syntax)
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`: an integer as `Int64` when it has neither
    /// fraction nor exponent, any other number as `Double`.
    mutating func number() throws(JSONValue.ParseError) -> JSONValue {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, isDigit(first) else { throw error(.syntax) }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        var isInteger = true
        if current == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let byte = current, isDigit(byte) else { throw error(.syntax) }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let byte = current, isDigit(byte) else { throw error(.syntax) }
            skipDigits()
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let integer = Int64(text) { return .integer(integer) }
        if isInteger, reading.exactNumbers { throw error(.integerOutOfRange(text)) }
        guard let double = Double(text) else { throw error(.syntax) }
        if reading.exactNumbers, !(double.isFinite && DecimalText(text) == DecimalText("\(double)")) {
            throw error(.inexactNumber(text))
        }
        return .number(double)
    }

    mutating func skipDigits() {
        while let byte = current, isDigit(byte) { index += 1 }
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

/// A decimal number's exact value as significant digits and a power of ten (`0.25e3` and `250`
/// are equal), so a number as written can be compared with the double it reads as.
private struct DecimalText: Equatable {
    var negative = false
    /// Significant digits, no leading or trailing zero; empty for zero.
    var digits: [UInt8] = []
    /// The value is `0.digits × 10^exponent`; nil when the exponent is out of any double's reach.
    var exponent: Int? = 0

    /// `text` is a JSON number or a Swift `Double` description (`1e-05`, `1.0`, `5e-324`).
    init(_ text: String) {
        var pointAt: Int?
        var leadingZeros = 0
        var seenDigit = false
        var mantissaDigits = 0
        var exponentText = ""
        var inExponent = false
        for byte in text.utf8 {
            if inExponent {
                exponentText.append(Character(Unicode.Scalar(byte)))
                continue
            }
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "."): pointAt = mantissaDigits
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            default:
                mantissaDigits += 1
                if byte == UInt8(ascii: "0") && !seenDigit {
                    leadingZeros += 1
                } else {
                    seenDigit = true
                    digits.append(byte)
                }
            }
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty {
            // Zero, whatever its sign or exponent.
            negative = false
            exponent = 0
            return
        }
        let written = exponentText.isEmpty ? 0 : (exponentText.utf8.count > 9 ? nil : Int(exponentText))
        exponent = written.map { (pointAt ?? mantissaDigits) - leadingZeros + $0 }
    }
}
