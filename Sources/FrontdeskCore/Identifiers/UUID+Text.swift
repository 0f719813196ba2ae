import Foundation

/// Ids are written in lowercase everywhere (JSON, events, audit, SQLite), as PostgreSQL and most
/// clients write them. Both directions are plain hex arithmetic: every stored row and every answer
/// carries several ids, and Foundation formats and parses them through `printf` and `scanf`.
extension UUID {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Where the canonical form puts its dashes: before these bytes.
    private static func dashBefore(_ byte: Int) -> Bool { byte == 4 || byte == 6 || byte == 8 || byte == 10 }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in lowercase.
    public var text: String {
        String(unsafeUninitializedCapacity: Self.textLength) { write(into: $0) }
    }

    /// The length of `text`, in bytes.
    public static let textLength = 36

    /// Writes `text` at the start of `out` (at least `textLength` bytes); returns the bytes written.
    @discardableResult
    public func write(into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        withUnsafeBytes(of: uuid) { bytes in
            var i = 0
            for index in 0..<16 {
                if Self.dashBefore(index) {
                    out[i] = UInt8(ascii: "-")
                    i += 1
                }
                out[i] = Self.hexDigits[Int(bytes[index] >> 4)]
                out[i + 1] = Self.hexDigits[Int(bytes[index] & 0x0f)]
                i += 2
            }
            return i
        }
    }

    /// Reads the canonical 36-character form, in either case; nil for anything else.
    public init?(text: String) {
        var text = text
        guard let id = text.withUTF8({ UUID(utf8: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = id
    }

    /// Reads the canonical form from its UTF-8 bytes (as a database hands them over).
    public init?(utf8: UnsafeRawBufferPointer) {
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let valid = withUnsafeMutableBytes(of: &uuid) { bytes in
            guard utf8.count == 36 else { return false }
            var i = 0
            for index in 0..<16 {
                if Self.dashBefore(index) {
                    guard utf8[i] == UInt8(ascii: "-") else { return false }
                    i += 1
                }
                guard let high = Self.nibble(utf8[i]), let low = Self.nibble(utf8[i + 1]) else { return false }
                bytes[index] = high << 4 | low
                i += 2
            }
            return true
        }
        guard valid else { return nil }
        self.init(uuid: uuid)
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
