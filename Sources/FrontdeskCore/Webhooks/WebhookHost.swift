/// The host of a webhook URL, read strictly: an IP address in any form a resolver would accept,
/// or a name (lower case, without its trailing dot).
public enum WebhookHost: Hashable, Sendable {
    case address(IPAddress)
    case name(String)

    /// `host` as a URL gives it (an IPv6 address with or without brackets). Nil when it is neither
    /// an address nor a name: a zone id, a malformed IPv6 address, a name whose last label is a
    /// number but which is no IPv4 address (`1.2.3.4.5`, `256.0.0.1`, `example.123`), an empty
    /// label, a character no host name has.
    public init?(_ host: String) {
        if host.contains(":") || host.hasPrefix("[") {
            guard let address = IPAddress(ipv6: host) else { return nil }
            self = .address(address)
        } else if IPAddress.endsInANumber(host) {
            guard let address = IPAddress(ipv4: host) else { return nil }
            self = .address(address)
        } else {
            var name = host.lowercased()
            if name.hasSuffix(".") { name.removeLast() }
            guard !name.isEmpty, !name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty),
                  name.unicodeScalars.allSatisfy(Self.mayBeInAName)
            else { return nil }
            self = .name(name)
        }
    }

    /// Whether the host is private as written: an address that is not public, or `localhost` or a
    /// name under it (RFC 6761: always loopback). Another name's addresses are only known when it
    /// is resolved, at delivery.
    public var isPrivate: Bool {
        switch self {
        case .address(let address): !address.isPublic
        case .name(let name): name == "localhost" || name.hasSuffix(".localhost")
        }
    }

    /// Letters, digits, `-`, `_`, `.`, and anything beyond ASCII (an internationalized name).
    static func mayBeInAName(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar)
    }
}
