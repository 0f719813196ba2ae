import Crypto
import Foundation

/// API key secrets: `fd_` and 40 random base62 characters. Only their SHA-256 is stored.
public enum KeySecret {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    public static func generate() -> String {
        "fd_" + random(40)
    }

    /// `count` random base62 characters, from the system's secure generator.
    static func random(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    public static func hash(_ secret: String) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(secret.utf8)) {
            text += [hex[Int(byte >> 4)], hex[Int(byte & 0x0f)]]
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// What a list shows of a key: enough to recognise it, not enough to use it.
    public static func prefix(_ secret: String) -> String { String(secret.prefix(10)) }
}
