#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import FrontdeskCore

/// The addresses a host name resolves to (`getaddrinfo`, which blocks: call it off the cooperative
/// threads), as bytes for the Core classifier, in the resolver's order of preference.
enum HostAddresses {
    static func resolve(_ host: String) -> [IPAddress] {
        var hints = addrinfo()
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0 else { return [] }
        defer { freeaddrinfo(list) }
        var addresses: [IPAddress] = []
        var node = list
        while let info = node?.pointee {
            let address: IPAddress?
            switch info.ai_family {
            case AF_INET:
                let raw = info.ai_addr.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
                address = withUnsafeBytes(of: raw) { IPAddress(bytes: Array($0)) }
            case AF_INET6:
                let raw = info.ai_addr.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
                address = withUnsafeBytes(of: raw) { IPAddress(bytes: Array($0)) }
            default:
                address = nil
            }
            if let address, !addresses.contains(address) { addresses.append(address) }
            node = info.ai_next
        }
        return addresses
    }
}
