import Foundation

/// A date or date-time a client wrote that is not one: its text, what it should have been, and why
/// it is not. Unreadable input, so a `400 malformed_request` naming the field that carried it.
public struct TimeTextError: Error, Sendable, Hashable, CustomStringConvertible {
    public var text: String
    /// What the field takes: "a date YYYY-MM-DD such as 2030-03-01".
    public var expected: String
    /// Why the text is not one: "has day 30, but February 2030 has 28 days".
    public var reason: String

    public init(text: String, expected: String, reason: String) {
        self.text = text
        self.expected = expected
        self.reason = reason
    }

    public var description: String { "\(Self.quoted(text)) \(reason)" }

    /// The problem for `field`: `starts_at must be an RFC 3339 date-time such as …: "…" has …`.
    public func problem(_ field: String) -> FrontdeskError {
        .malformedRequest("\(field) must be \(expected): \(description).")
    }

    /// The text as a message shows it: quoted, control characters escaped, cut at 40 characters.
    public static func quoted(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars.prefix(40) {
            shown += Validator.isControl(scalar) ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }
        return "\"" + shown + (text.unicodeScalars.count > 40 ? "…\"" : "\"")
    }
}

/// Reads the fields of a date or date-time from left to right, every one a fixed count of ASCII
/// digits: `Int("+1")` parses, so a bare `Int(_:)` would let "2026-+1-01" through.
struct TimeTextReader {
    let text: String
    let expected: String
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String, expected: String) {
        self.text = text
        self.expected = expected
        bytes = Array(text.utf8)
    }

    var malformed: TimeTextError { invalid("is not written that way") }

    func invalid(_ reason: String) -> TimeTextError {
        TimeTextError(text: text, expected: expected, reason: reason)
    }

    /// `YYYY-MM-DD`, the day checked against its month and year.
    mutating func date() throws(TimeTextError) -> (Int64, Int64, Int64) {
        let year = try number(digits: 4)
        try expect("-")
        let month = try number(digits: 2)
        try expect("-")
        let day = try number(digits: 2)
        guard (1...12).contains(month) else { throw invalid("has month \(month): months run from 01 to 12") }
        let days = InstantFormat.days(inMonth: month, of: year)
        guard (1...days).contains(day) else {
            throw invalid("has day \(day), but \(Self.monthNames[Int(month) - 1]) \(year) has \(days) days")
        }
        return (year, month, day)
    }

    mutating func number(digits count: Int) throws(TimeTextError) -> Int64 {
        var value: Int64 = 0
        for _ in 0..<count {
            guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { throw malformed }
            value = value * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        return value
    }

    /// One or more digits of a fraction of a second, as whole milliseconds (the rest dropped).
    mutating func fraction() throws(TimeTextError) -> Int64 {
        var millis: Int64 = 0, count = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            if count < 3 { millis = millis * 10 + Int64(bytes[index] - UInt8(ascii: "0")) }
            count += 1
            index += 1
        }
        guard count > 0 else { throw malformed }
        for _ in count..<max(count, 3) { millis *= 10 }
        return millis
    }

    /// Moves past the next character if it is one of `characters`.
    mutating func next(_ characters: Unicode.Scalar...) -> Bool {
        guard index < bytes.count, characters.contains(where: { UInt8($0.value) == bytes[index] }) else { return false }
        index += 1
        return true
    }

    mutating func expect(_ characters: Unicode.Scalar...) throws(TimeTextError) {
        guard index < bytes.count, characters.contains(where: { UInt8($0.value) == bytes[index] }) else { throw malformed }
        index += 1
    }

    func end() throws(TimeTextError) {
        guard index == bytes.count else { throw malformed }
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]
}
