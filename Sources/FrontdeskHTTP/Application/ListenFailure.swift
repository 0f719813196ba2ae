import Foundation
import NIOCore

/// Why the server could not listen where it was told, as one sentence an operator can act on:
/// the port in use, a port that needs privileges, an address that is not this machine's or a host
/// name that does not resolve.
public struct ListenFailure: Error, CustomStringConvertible {
    public let description: String

    /// The failure of listening on `host`:`port` that `error` tells, nil for an error that is not
    /// the listening socket's.
    public init?(_ error: any Error, host: String, port: Int) {
        switch error {
        case let error as IOError where error.errnoCode == EADDRINUSE:
            description = "Port \(port) on \(host) is in use by another process: stop it, or choose another port with --port (FRONTDESK_PORT)."
        case let error as IOError where error.errnoCode == EACCES:
            description = "Port \(port) on \(host) needs privileges this process does not have: choose a port above 1023 with --port (FRONTDESK_PORT)."
        case let error as IOError where error.errnoCode == EADDRNOTAVAIL:
            description = "\(host) is not an address of this machine: choose one with --host (FRONTDESK_HOST), or 0.0.0.0 for all."
        case is SocketAddressError.UnknownHost:
            description = "The host name \(host) does not resolve: choose an address with --host (FRONTDESK_HOST)."
        default:
            return nil
        }
    }
}
