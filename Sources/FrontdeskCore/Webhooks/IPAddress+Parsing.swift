extension IPAddress {
    /// An IPv4 address read the way resolvers read one (WHATWG URL's IPv4 parser, `inet_aton`):
    /// 1 to 4 dot-separated parts, each decimal, `0x` hex or leading-`0` octal, the last filling the
    /// remaining bytes (`127.1`, `2130706433`, `0x7f000001` and `017700000001` are all 127.0.0.1).
    /// One trailing dot is ignored. Nil when the text is not such an address or a part is too big.
    public init?(ipv4 text: some StringProtocol) {
        var parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1 && parts.last?.isEmpty == true { parts.removeLast() }
        guard (1...4).contains(parts.count) else { return nil }
        var numbers: [UInt64] = []
        for part in parts {
            guard let number = Self.ipv4Number(part) else { return nil }
            numbers.append(number)
        }
        let last = numbers.removeLast()
        guard numbers.allSatisfy({ $0 <= 255 }), last < UInt64(1) << (8 * (4 - numbers.count)) else { return nil }
        let leading = numbers.enumerated().reduce(UInt64(0)) { $0 | $1.element << (8 * (3 - $1.offset)) }
        self.init(ipv4: UInt32(leading | last))
    }

    /// One part of an IPv4 address: `0x…` hex (digits may be none), `0…` octal, else decimal.
    static func ipv4Number(_ part: some StringProtocol) -> UInt64? {
        guard !part.isEmpty else { return nil }
        var digits = Substring(part)
        var radix: UInt64 = 10
        if digits.count >= 2 && digits.hasPrefix("0") {
            let isHex = digits.dropFirst().first == "x" || digits.dropFirst().first == "X"
            (digits, radix) = isHex ? (digits.dropFirst(2), 16) : (digits.dropFirst(), 8)
        }
        var value: UInt64 = 0
        for character in digits {
            guard let digit = character.hexDigitValue, character.isASCII, UInt64(digit) < radix else { return nil }
            value = value * radix + UInt64(digit)
            guard value <= UInt64(UInt32.max) else { return nil }  // too big for any part: not an address
        }
        return value
    }

    /// Whether a host name's last label is a number, so that the name is meant as an IPv4 address
    /// (WHATWG URL's "ends in a number"): all digits, or `0x` and hex digits. `example.123` is.
    static func endsInANumber(_ host: some StringProtocol) -> Bool {
        var labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count > 1 && labels.last?.isEmpty == true { labels.removeLast() }
        guard let last = labels.last, !last.isEmpty else { return false }
        if last.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        return last.lowercased().hasPrefix("0x") && last.dropFirst(2).allSatisfy { $0.isASCII && $0.isHexDigit }
    }

    /// An IPv6 address in any RFC 4291 text form: 8 groups of 1-4 hex digits, one `::` for a run of
    /// zero groups, the last 32 bits possibly a dotted quad (`::ffff:127.0.0.1`), in brackets or not.
    /// A zone id (`fe80::1%eth0`) is refused: nil.
    public init?(ipv6 text: some StringProtocol) {
        var text = Substring(text)
        if text.hasPrefix("[") && text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        guard text.contains(":") else { return nil }
        let compressions = text.ranges(of: "::")
        let groups: [UInt16]
        switch compressions.count {
        case 0:
            guard let all = Self.ipv6Groups(text, endsTheAddress: true), all.count == 8 else { return nil }
            groups = all
        case 1:
            let gap = compressions[0]
            guard let head = Self.ipv6Groups(text[..<gap.lowerBound], endsTheAddress: false),
                  let tail = Self.ipv6Groups(text[gap.upperBound...], endsTheAddress: true),
                  head.count + tail.count <= 7
            else { return nil }
            groups = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        default:
            return nil
        }
        self.init(bytes: groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] })
    }

    /// The groups of one side of `::` (none when empty); a dotted quad counts as two and may only end the address.
    static func ipv6Groups(_ text: Substring, endsTheAddress: Bool) -> [UInt16]? {
        guard !text.isEmpty else { return [] }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var groups: [UInt16] = []
        for (index, part) in parts.enumerated() {
            if part.contains(".") {
                guard endsTheAddress, index == parts.count - 1, let quad = dottedQuad(part) else { return nil }
                groups += [UInt16(quad[0]) << 8 | UInt16(quad[1]), UInt16(quad[2]) << 8 | UInt16(quad[3])]
            } else {
                guard (1...4).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isHexDigit }),
                      let group = UInt16(part, radix: 16)
                else { return nil }
                groups.append(group)
            }
        }
        return groups
    }

    /// Four decimal bytes without leading zeros, as inside an IPv6 address.
    static func dottedQuad(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let bytes = parts.compactMap { part -> UInt8? in
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  part == "0" || !part.hasPrefix("0")
            else { return nil }
            return UInt8(part)
        }
        return bytes.count == 4 ? bytes : nil
    }
}
