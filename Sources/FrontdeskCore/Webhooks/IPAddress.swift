/// An IP address as its bytes in network order: 4 for IPv4, 16 for IPv6. Parsed from text by
/// `IPAddress(ipv4:)` / `IPAddress(ipv6:)`, classified by `isPublic` (IPAddress+Scope).
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    /// An address of 4 or 16 bytes; nil for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// The IPv4 address whose 32 bits are `value`.
    public init(ipv4 value: UInt32) {
        bytes = [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }

    public var isIPv4: Bool { bytes.count == 4 }

    /// The address as one number (IPv4 only; 0 for IPv6).
    var ipv4Value: UInt32 {
        isIPv4 ? bytes.reduce(0) { $0 << 8 | UInt32($1) } : 0
    }

    /// The 8 groups of an IPv6 address (empty for IPv4).
    var groups: [UInt16] {
        isIPv4 ? [] : stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
    }

    /// Dotted decimal for IPv4; for IPv6 the RFC 5952 form (lower case, the longest run of two or
    /// more zero groups written `::`), which `inet_pton` reads back.
    public var description: String {
        if isIPv4 { return bytes.map(String.init).joined(separator: ".") }
        let groups = self.groups
        var best = (start: -1, length: 0)
        var index = 0
        while index < 8 {
            var end = index
            while end < 8 && groups[end] == 0 { end += 1 }
            if end - index > best.length { best = (index, end - index) }
            index = max(end, index + 1)
        }
        let text = groups.map { String($0, radix: 16) }
        guard best.length >= 2 else { return text.joined(separator: ":") }
        let head = text[..<best.start].joined(separator: ":")
        let tail = text[(best.start + best.length)...].joined(separator: ":")
        return head + "::" + tail
    }
}
