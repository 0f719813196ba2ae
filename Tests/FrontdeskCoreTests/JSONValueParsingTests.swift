import Foundation
import FrontdeskCore
import Testing

/// `JSONValue(parsing:)`: one pass over the bytes, and free JSON's rules (`FreeJSON`).
@Suite struct JSONValueParsingTests {
    @Test func readsEveryKindOfValue() throws {
        let value = try JSONValue(parsing: #" { "s": "a\"b\\c\/d\u00e9\ud83d\ude00\n", "i": -42, "d": 1.5, "e": 2.5e-3,"#
            + #" "t": true, "f": false, "n": null, "a": [1, [], {}], "o": {"k": "v"} } "#)
        #expect(value == .object([
            "s": .string("a\"b\\c/dé😀\n"), "i": .integer(-42), "d": .number(1.5), "e": .number(0.0025),
            "t": .bool(true), "f": .bool(false), "n": .null,
            "a": .array([.integer(1), .array([]), .object([:])]), "o": .object(["k": .string("v")]),
        ]))
    }

    @Test(arguments: [
        "", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{'a':1}", "[01]", "[1.]", "[.5]", "[1e]", "[-]", "[+1]",
        "[tru]", "[nul]", "\"\u{1}\"", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "[1] [2]", "[NaN]",
        "{\"a\":1}x",
    ])
    func refusesWhatIsNotJSON(_ text: String) {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue(parsing: text) }
    }

    @Test func refusesBytesThatAreNotUTF8() {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue(parsing: [UInt8(ascii: "\""), 0xFF, 0xFE, UInt8(ascii: "\"")]) }
    }

    /// A document stored before nesting was limited reads in one pass: each level once, whatever
    /// the depth (the `Decodable` way tried every kind of value at every level).
    @Test func aDocumentNested500DeepReadsInOnePass() throws {
        let depth = 500
        let objects = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        var value = try JSONValue(parsing: objects)
        #expect(value.depth == depth)
        for _ in 0..<depth {
            guard case .object(let members) = value, members.count == 1, let inner = members["a"] else {
                Issue.record("not an object of one member")
                return
            }
            value = inner
        }
        #expect(value == .integer(1))

        let arrays = String(repeating: "[", count: depth) + "true" + String(repeating: "]", count: depth)
        #expect(try JSONValue(parsing: arrays).depth == depth)
        let stored = try JSONValue.object(parsing: #"{"deep":"# + arrays + "}")
        #expect(stored["deep"]?.depth == depth)
    }

    @Test func depthIsLimitedAndTheErrorSaysWhere() {
        let reading = JSONValue.Reading(maxDepth: 3, exactNumbers: false)
        #expect(throws: Never.self) { try JSONValue(parsing: #"{"a":[{"b":1}]}"#, reading) }
        #expect(throws: JSONValue.ParseError(kind: .tooDeep(limit: 3), path: [.key("a"), .index(1), .key("b")], offset: 13)) {
            try JSONValue(parsing: #"{"a":[1,{"b":[]}]}"#, reading)
        }
    }

    // MARK: numbers

    @Test(arguments: [
        ("9223372036854775807", JSONValue.integer(.max)), ("-9223372036854775808", .integer(.min)), ("-0", .integer(0)),
        ("0.1", .number(0.1)), ("1.5e300", .number(1.5e300)), ("1E2", .number(100)), ("1.0", .number(1)),
        ("0.30000000000000004", .number(0.30000000000000004)), ("5e-324", .number(5e-324)),
        ("1.7976931348623157e308", .number(1.7976931348623157e308)), ("0e99999999999", .number(0)),
        ("-2.5E-3", .number(-0.0025)), ("100000000000000000000.0", .number(1e20)),
    ])
    func keepsNumbersExactly(_ text: String, _ expected: JSONValue) throws {
        #expect(try JSONValue(parsing: text, FreeJSON.reading) == expected)
    }

    @Test(arguments: ["9223372036854775808", "-9223372036854775809", "18446744073709551616", "100000000000000000000"])
    func refusesIntegersPast64Bits(_ text: String) {
        #expect(throws: JSONValue.ParseError(kind: .integerOutOfRange(text), path: [], offset: text.utf8.count)) {
            try JSONValue(parsing: text, FreeJSON.reading)
        }
    }

    @Test(arguments: ["1e-400", "1e400", "-1e309", "2.5e-324", "12345678901234567890.5", "0.1000000000000000000001", "1e99999999999"])
    func refusesNumbersADoubleCannotKeep(_ text: String) {
        #expect(throws: JSONValue.ParseError(kind: .inexactNumber(text), path: [], offset: text.utf8.count)) {
            try JSONValue(parsing: text, FreeJSON.reading)
        }
    }

    @Test func storedNumbersReadAsTheNearestDouble() throws {
        #expect(try JSONValue(parsing: "9223372036854775808") == .number(9_223_372_036_854_775_808))
        #expect(try JSONValue(parsing: "1e-400") == .number(0))
    }

    // MARK: free JSON

    static func nested(_ depth: Int) -> [String: JSONValue] {
        var value = JSONValue.string("bottom")
        for _ in 1..<depth { value = .object(["a": value]) }
        return ["a": value]
    }

    @Test func metadataMayNest32LevelsNot33() throws {
        #expect(JSONValue.object(Self.nested(32)).depth == 32)
        #expect(throws: Never.self) { try CheckinRequest(resourceID: UUID(), metadata: Self.nested(32)).validate() }
        #expect(throws: FrontdeskError.validationFailed([FieldIssue("metadata", "must nest at most 32 levels of objects and arrays")])) {
            try CheckinRequest(resourceID: UUID(), metadata: Self.nested(33)).validate()
        }
    }

    @Test func metadataIsLimitedTo16KiBAsWritten() {
        let fits = ["s": JSONValue.string(String(repeating: "x", count: Checkin.maxMetadataBytes - 8))]
        #expect(throws: Never.self) { try CheckinRequest(resourceID: UUID(), metadata: fits).validate() }
        let over = ["s": JSONValue.string(String(repeating: "x", count: Checkin.maxMetadataBytes - 7))]
        #expect(throws: FrontdeskError.validationFailed([FieldIssue("metadata", "must be at most 16384 bytes of JSON")])) {
            try CheckinRequest(resourceID: UUID(), metadata: over).validate()
        }
    }

    @Test func metadataKeepsControlCharactersButNotNUL() {
        let controls = ["s": JSONValue.string("tab\there\nline\u{1}\u{7F}\u{85}")]
        #expect(throws: Never.self) { try CheckinRequest(resourceID: UUID(), metadata: controls).validate() }
        let nul = FrontdeskError.validationFailed([FieldIssue("metadata", "must not hold the NUL character (U+0000) in a key or a string")])
        #expect(throws: nul) { try CheckinRequest(resourceID: UUID(), metadata: ["s": .array([.string("a\u{0}b")])]).validate() }
        #expect(throws: nul) { try CheckinPatch(metadata: ["k\u{0}": .null]).validate() }
    }

    @Test func aReadingErrorInFreeJSONIsAnIssueOnItsField() {
        let error = JSONValue.ParseError(kind: .integerOutOfRange("9223372036854775808"), path: [.key("n"), .index(2)], offset: 9)
        #expect(FreeJSON.issue(error, in: "metadata") == FieldIssue(
            "metadata", "at n[2]: holds the integer 9223372036854775808, outside the 64-bit range "
                + "-9223372036854775808 to 9223372036854775807"))
        let deep = JSONValue.ParseError(kind: .tooDeep(limit: 32), path: [.key("a")], offset: 9)
        #expect(FreeJSON.issue(deep, in: "metadata") == FieldIssue("metadata", "must nest at most 32 levels of objects and arrays"))
    }
}
