import Foundation
import FrontdeskCore
import NIOCore

/// Where a delivery connects when private targets are refused, decided once, before it is sent:
/// the host is read as AsyncHTTPClient reads it, classified by Core on the address bytes, and a
/// name is resolved here, once; the client is then told to connect to the address that was checked
/// (`pinned`), so nothing is resolved a second time between the check and the connection.
enum WebhookDestination: Equatable {
    /// An address literal the client connects to as written (it does not resolve it), checked.
    case asWritten
    /// The host (as the client reads it) and the checked address to connect to instead of resolving it.
    case pinned(host: String, address: IPAddress)
    case refused(reason: String)

    static let resolvesPrivate = "url resolves to a private or loopback address"

    /// Where `url` may be sent; `resolve` looks a name up (blocking is its own concern).
    static func of(_ url: String, resolve: (String) async -> [IPAddress]) async -> WebhookDestination {
        if let problem = WebhookTarget.problem(url, allowPrivate: true) { return .refused(reason: "url \(problem)") }
        guard let raw = URL(string: url)?.host else { return .refused(reason: "url \(WebhookTarget.notHTTP)") }
        let host = raw.hasPrefix("[") && raw.hasSuffix("]") ? String(raw.dropFirst().dropLast()) : raw
        // What the client itself takes for an address literal (inet_pton): it connects to these bytes.
        if let literal = try? SocketAddress(ipAddress: host, port: 0), let address = literal.ipAddressBytes {
            return address.isPublic ? .asWritten : .refused(reason: "url \(WebhookTarget.privateHost)")
        }
        guard let target = WebhookHost(host) else { return .refused(reason: "url \(WebhookTarget.invalidHost)") }
        switch target {
        case .address(let address):  // another form of an address (`127.1`, `0x7f000001`, a trailing dot)
            return address.isPublic ? .pinned(host: host, address: address)
                                    : .refused(reason: "url \(WebhookTarget.privateHost)")
        case .name:
            if target.isPrivate { return .refused(reason: resolvesPrivate) }  // localhost: not even looked up
            let addresses = await resolve(host)
            guard let first = addresses.first else { return .refused(reason: "url host \(host) does not resolve") }
            return addresses.allSatisfy(\.isPublic) ? .pinned(host: host, address: first) : .refused(reason: resolvesPrivate)
        }
    }
}

extension SocketAddress {
    /// The bytes of an IPv4 or IPv6 socket address.
    var ipAddressBytes: IPAddress? {
        switch self {
        case .v4(let address): withUnsafeBytes(of: address.address.sin_addr) { IPAddress(bytes: Array($0)) }
        case .v6(let address): withUnsafeBytes(of: address.address.sin6_addr) { IPAddress(bytes: Array($0)) }
        case .unixDomainSocket: nil
        }
    }
}
