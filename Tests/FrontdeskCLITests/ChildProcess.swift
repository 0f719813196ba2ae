import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`, its output gathered as it arrives.
///
/// Not Foundation's `Process`: on Linux its `run()` walks `/proc/self/fd` to close every other
/// descriptor in the child, and copies each entry's name out of `readdir`'s buffer as a whole
/// 256-byte field. A parallel test run holds over a thousand descriptors (stores, connections,
/// servers), and the copy of an entry at the end of that buffer can run into an unmapped page: a
/// SIGSEGV in `Process.run()` that took the whole test run down, now and then. Here glibc closes
/// them in the child (`posix_spawn_file_actions_addclosefrom_np`), with no listing.
final class ChildProcess: Sendable {
    /// What the child wrote, as it arrives.
    private final class Output: Sendable {
        let bytes = Mutex<(standard: [UInt8], error: [UInt8])>(([], []))
    }

    let pid: pid_t
    private let output = Output()
    /// The wait status once the child has ended and been reaped.
    private let ended = Mutex<Int32?>(nil)
    /// The write end of the child's standard input, when it was given one.
    private let input: Int32?

    /// Starts `executable arguments…` with exactly `environment`; `input`: with a pipe to its
    /// standard input (else `/dev/null`).
    init(_ executable: String, _ arguments: [String], environment: [String: String], input withInput: Bool = false) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let stdin = withInput ? try Self.pipe() : nil
        let (stdout, stderr) = (try Self.pipe(), try Self.pipe())
        if let stdin {
            posix_spawn_file_actions_adddup2(&actions, stdin.read, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, stdout.write, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr.write, 2)
        guard Self.closeFrom(&actions, 3) == 0 else { throw POSIXError(.EINVAL) }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        for fd in [stdin?.read, stdout.write, stderr.write].compactMap({ $0 }) { close(fd) }
        guard spawned == 0 else {
            for fd in [stdin?.write, stdout.read, stderr.read].compactMap({ $0 }) { close(fd) }
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL)
        }
        self.pid = pid
        input = stdin?.write
        Self.gather(stdout.read, into: output, error: false)
        Self.gather(stderr.read, into: output, error: true)
    }

    var standardOutput: String { output.bytes.withLock { String(decoding: $0.standard, as: UTF8.self) } }
    var standardError: String { output.bytes.withLock { String(decoding: $0.error, as: UTF8.self) } }

    /// The exit code, or the signal that ended it; nil while it runs.
    var status: Int32? {
        ended.withLock { ended in
            if ended == nil {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid { ended = status }
            }
            return ended.map { $0 & 0x7f == 0 ? ($0 >> 8) & 0xff : $0 & 0x7f }
        }
    }

    var isRunning: Bool { status == nil }

    /// Writes `text` to the child's standard input.
    func write(_ text: String) {
        guard let input else { return }
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(input, $0.baseAddress, $0.count - 1) }
    }

    /// Closes the child's standard input: it reads the end of it.
    func closeInput() {
        if let input { close(input) }
    }

    func send(_ signal: Int32) {
        kill(pid, signal)
    }

    deinit {
        if isRunning {
            kill(pid, SIGTERM)
            let pid = pid
            Thread.detachNewThread { waitpid(pid, nil, 0) }
        }
    }

    /// A pipe whose ends the test process does not hand down to other children.
    private static func pipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard Glibc.pipe(&fds) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EMFILE) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    /// Reads `fd` to its end on a thread of its own, appending to `output`'s standard output or error.
    private static func gather(_ fd: Int32, into output: Output, error: Bool) {
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 4_096)
            while true {
                let count = read(fd, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                output.bytes.withLock { bytes in
                    if error { bytes.error += buffer[..<count] } else { bytes.standard += buffer[..<count] }
                }
            }
            close(fd)
        }
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 on), which Swift's Glibc module leaves out.
    private static let closeFrom = unsafeBitCast(dlsym(nil, "posix_spawn_file_actions_addclosefrom_np")!,
                                                 to: CloseFrom.self)
}
