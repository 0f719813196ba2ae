#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's limit of open files, raised towards its hard limit so that the connection cap
/// (`FRONTDESK_MAX_CONNECTIONS`) is reached before the process runs out of descriptors.
enum FileDescriptorLimit {
    /// Room kept beyond the connections: the database, its WAL, the listening socket, logs.
    static let reserve = 256

    static func raise(toCover connections: Int) {
        #if canImport(Glibc)
        let resource = Int32(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return }
        let wanted = rlim_t(connections + reserve)
        guard limit.rlim_cur < wanted else { return }
        limit.rlim_cur = min(wanted, limit.rlim_max)
        _ = setrlimit(resource, &limit)
    }
}
