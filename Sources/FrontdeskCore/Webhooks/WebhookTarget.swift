import Foundation

/// Where a webhook may be sent: an absolute http(s) URL whose host is not a private, loopback,
/// link-local or unspecified address (unless private targets are allowed, as in tests). Checked
/// when an action is written and again, on the resolved addresses, before every delivery.
public enum WebhookTarget {
    /// Why `url` cannot be a webhook target, or nil when it can.
    public static func problem(_ url: String, allowPrivate: Bool) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              ["http", "https"].contains(scheme), let host = components.host, !host.isEmpty
        else { return "must be an absolute http or https URL" }
        if !allowPrivate && isPrivate(host: host) { return "must not be a private or loopback address" }
        return nil
    }

    /// Whether `host` (a name or an address literal, IPv6 with or without brackets) is local or private.
    public static func isPrivate(host: String) -> Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if name == "localhost" || name.hasSuffix(".localhost") { return true }
        if let octets = ipv4(name) { return isPrivate(ipv4: octets) }
        if name.contains(":") { return isPrivate(ipv6: name) }
        return false
    }

    static func ipv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let octets = parts.compactMap { UInt8($0) }
        return octets.count == 4 ? octets : nil
    }

    static func isPrivate(ipv4 o: [UInt8]) -> Bool {
        o[0] == 0 || o[0] == 10 || o[0] == 127                 // this network, private, loopback
            || (o[0] == 100 && (64...127).contains(o[1]))       // carrier-grade NAT
            || (o[0] == 169 && o[1] == 254)                     // link-local
            || (o[0] == 172 && (16...31).contains(o[1]))        // private
            || (o[0] == 192 && o[1] == 168)                     // private
            || o[0] >= 224                                      // multicast, reserved, broadcast
    }

    static func isPrivate(ipv6 text: String) -> Bool {
        if text == "::" || text == "::1" { return true }
        if let mapped = text.split(separator: ":").last, let octets = ipv4(String(mapped)), text.hasPrefix("::ffff:") {
            return isPrivate(ipv4: octets)
        }
        let first = text.split(separator: ":", omittingEmptySubsequences: false).first.flatMap { UInt16($0, radix: 16) } ?? 0
        return (first & 0xfe00) == 0xfc00      // unique local fc00::/7
            || (first & 0xffc0) == 0xfe80      // link-local fe80::/10
            || (first & 0xff00) == 0xff00      // multicast
    }
}
