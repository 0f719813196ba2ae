extension IPAddress {
    /// Whether the address is globally reachable, so a webhook may be sent to it. Not public: the
    /// IANA special-purpose blocks (private, loopback, link-local, carrier-grade NAT, multicast,
    /// unspecified, broadcast and reserved, benchmarking, documentation, protocol assignments),
    /// for IPv6 anything outside global unicast 2000::/3 (so unique-local fc00::/7, link-local
    /// fe80::/10, site-local fec0::/10, multicast ff00::/8, local-use NAT64 64:ff9b:1::/48), and an
    /// IPv6 address that carries an IPv4 one (mapped, compatible, NAT64, 6to4) is what its IPv4 is.
    public var isPublic: Bool {
        if isIPv4 {
            let value = ipv4Value
            return !Self.nonPublicIPv4.contains { value >> (32 - $0.length) == $0.prefix >> (32 - $0.length) }
        }
        if let embedded = embeddedIPv4 { return embedded.isPublic }
        return Self.nonPublicIPv6.allSatisfy { !hasPrefix($0.prefix, length: $0.length) }
            && hasPrefix([0x20, 0x00], length: 3)
    }

    /// The IPv4 address an IPv6 one carries: IPv4-mapped `::ffff:0:0/96`, IPv4-compatible `::/96`,
    /// IPv4-translated `::ffff:0:0:0/96`, NAT64 `64:ff9b::/96` (last 32 bits) and 6to4 `2002::/16`
    /// (bits 16-47). Nil for IPv4 and for other IPv6 addresses.
    public var embeddedIPv4: IPAddress? {
        guard !isIPv4 else { return nil }
        let last = IPAddress(bytes: Array(bytes[12...]))
        let zeros = { (range: Range<Int>) in self.bytes[range].allSatisfy { $0 == 0 } }
        if zeros(0..<10) && bytes[10] == 0xff && bytes[11] == 0xff { return last }  // mapped
        if zeros(0..<12) { return last }  // compatible (also :: and ::1, which are then 0.0.0.x)
        if zeros(0..<8) && bytes[8] == 0xff && bytes[9] == 0xff && zeros(10..<12) { return last }  // translated
        if hasPrefix([0x00, 0x64, 0xff, 0x9b], length: 96) { return last }  // NAT64
        if hasPrefix([0x20, 0x02], length: 16) { return IPAddress(bytes: Array(bytes[2..<6])) }  // 6to4
        return nil
    }

    /// Whether the first `length` bits are those of `prefix` (bytes, zero-padded).
    func hasPrefix(_ prefix: [UInt8], length: Int) -> Bool {
        (0..<length).allSatisfy { bit in
            let (index, shift) = (bit / 8, 7 - bit % 8)
            let expected = index < prefix.count ? prefix[index] >> shift & 1 : 0
            return bytes[index] >> shift & 1 == expected
        }
    }

    /// IPv4 blocks that are not globally reachable (IANA IPv4 special-purpose registry and multicast).
    static let nonPublicIPv4: [(prefix: UInt32, length: Int)] = [
        (0x0000_0000, 8),   // 0.0.0.0/8 this network, unspecified
        (0x0a00_0000, 8),   // 10.0.0.0/8 private
        (0x6440_0000, 10),  // 100.64.0.0/10 carrier-grade NAT
        (0x7f00_0000, 8),   // 127.0.0.0/8 loopback
        (0xa9fe_0000, 16),  // 169.254.0.0/16 link-local
        (0xac10_0000, 12),  // 172.16.0.0/12 private
        (0xc000_0000, 24),  // 192.0.0.0/24 IETF protocol assignments
        (0xc000_0200, 24),  // 192.0.2.0/24 documentation
        (0xc058_6300, 24),  // 192.88.99.0/24 6to4 relay anycast
        (0xc0a8_0000, 16),  // 192.168.0.0/16 private
        (0xc612_0000, 15),  // 198.18.0.0/15 benchmarking
        (0xc633_6400, 24),  // 198.51.100.0/24 documentation
        (0xcb00_7100, 24),  // 203.0.113.0/24 documentation
        (0xe000_0000, 4),   // 224.0.0.0/4 multicast
        (0xf000_0000, 4),   // 240.0.0.0/4 reserved, and 255.255.255.255 broadcast
    ]

    /// IPv6 blocks inside global unicast 2000::/3 that are not globally reachable.
    static let nonPublicIPv6: [(prefix: [UInt8], length: Int)] = [
        ([0x20, 0x01, 0x00, 0x00], 23),              // 2001::/23 IETF protocol assignments (Teredo …)
        ([0x20, 0x01, 0x0d, 0xb8], 32),              // 2001:db8::/32 documentation
        ([0x3f, 0xff, 0x00, 0x00], 20),              // 3fff::/20 documentation
    ]
}
