import Foundation
import GRDB
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Syncs the writer's commits to disk beside it, so that its next batch runs while the last one
/// is synced, and holds back every answer until its commit is on disk.
///
/// With `synchronous = FULL`, SQLite syncs the WAL inside each commit: the writer waited for the
/// disk there, a third of its time under load, and no other write could run meanwhile. The writer
/// now commits with `synchronous = NORMAL` (no sync in the commit; the WAL is valid, and a commit
/// not yet synced is lost whole or kept whole) and hands each batch here; this syncs the WAL
/// (`fdatasync`, one for every batch committed while the last sync ran) and only then are the
/// batch's writers answered, and their event streams woken. A 2xx still means on disk.
///
/// What changes is what a reader may see: a commit is visible to reads before its sync ends, by a
/// millisecond or so. Whatever leaves the server on behalf of others — events, to the streams and
/// the event list — is handed out only once durable (`durable()`); webhooks are claimed by writes,
/// which answer after their sync, and those of every commit before them.
final class WALSync: Sendable {
    private struct Committed {
        let batch: UInt64
        let then: (@Sendable (Result<Void, any Error>) -> Void)?
    }

    private struct State {
        /// Batches the writer has begun: a commit a reader can see is one of these.
        var begun: UInt64 = 0
        /// Batches ended (committed, or rolled back), waiting for the next sync.
        var ended: [Committed] = []
        /// Every batch up to this one is on disk.
        var synced: UInt64 = 0
        var readers: [(batch: UInt64, continuation: CheckedContinuation<Void, Never>)] = []
        var syncing = false
        /// The WAL file's descriptor, with its device and inode: SQLite creates the file anew
        /// when the database was closed by everyone, and the descriptor must name today's.
        var file: (descriptor: CInt, device: UInt64, inode: UInt64)?
    }

    private let walPath: String
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "frontdesk.sqlite.wal-sync")

    init(databasePath: String) {
        walPath = databasePath + "-wal"
    }

    /// The writer begins a batch: returns its number, for `ended(_:then:)`.
    func begin() -> UInt64 {
        state.withLock { state in
            state.begun += 1
            return state.begun
        }
    }

    /// The writer ended `batch` (committed, or rolled back: `then` nil). `then` runs once it and
    /// every batch before it are on disk, or with the error of the sync that failed.
    func ended(_ batch: UInt64, then: (@Sendable (Result<Void, any Error>) -> Void)?) {
        let start = state.withLock { state in
            state.ended.append(Committed(batch: batch, then: then))
            defer { state.syncing = true }
            return !state.syncing
        }
        if start { queue.async { self.drain() } }
    }

    /// Batches begun, and how many of them are on disk.
    var progress: (begun: UInt64, synced: UInt64) {
        state.withLock { ($0.begun, $0.synced) }
    }

    /// Returns once every commit a read that ended before this call could have seen is on disk.
    func durable() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state in
                guard state.synced < state.begun else { return true }
                state.readers.append((state.begun, continuation))
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// Syncs the WAL now, on the caller's thread: for the writes that bypass the batches
    /// (migrations, an import) before they are reported done.
    func syncNow() throws {
        try queue.sync { try sync() }
    }

    /// Closes the WAL's descriptor once the syncs under way are done.
    func close() {
        queue.sync {
            state.withLock { state in
                if let file = state.file { closeDescriptor(file.descriptor) }
                state.file = nil
            }
        }
    }

    /// On the sync queue: syncs until no batch is waiting.
    private func drain() {
        while true {
            let ended = state.withLock { state in
                defer { state.ended = [] }
                if state.ended.isEmpty { state.syncing = false }
                return state.ended
            }
            guard let last = ended.last else { return }
            // A failed sync fails its batches' writes; the readers waiting go on all the same (what
            // they read is committed, whatever the disk does next).
            let result = Result { try sync() }
            let readers = state.withLock { state in
                state.synced = last.batch
                // In the order they came, so in the order of the batches they wait for.
                let done = state.readers.prefix { $0.batch <= last.batch }
                state.readers.removeFirst(done.count)
                return done
            }
            for batch in ended { batch.then?(result) }
            for reader in readers { reader.continuation.resume() }
        }
    }

    /// On the sync queue: `fdatasync` of the WAL, opened (again) when it is new.
    private func sync() throws {
        var status = stat()
        guard stat(walPath, &status) == 0 else { throw Self.failure("stat") }
        let current = state.withLock { $0.file }
        var descriptor = current?.descriptor ?? -1
        if current?.device != UInt64(status.st_dev) || current?.inode != UInt64(status.st_ino) {
            if let current { closeDescriptor(current.descriptor) }
            state.withLock { $0.file = nil }
            descriptor = open(walPath, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw Self.failure("open") }
            var opened = stat()  // the file opened, should it have been replaced since `stat`
            guard fstat(descriptor, &opened) == 0 else {
                defer { closeDescriptor(descriptor) }
                throw Self.failure("fstat")
            }
            state.withLock { $0.file = (descriptor, UInt64(opened.st_dev), UInt64(opened.st_ino)) }
            try Self.syncDirectory(of: walPath)  // a new file's name is on disk too
        }
        guard fdatasync(descriptor) == 0 else { throw Self.failure("fdatasync") }
    }

    private static func syncDirectory(of path: String) throws {
        let directory = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        guard directory >= 0 else { throw failure("open the directory of") }
        defer { closeDescriptor(directory) }
        guard fsync(directory) == 0 else { throw failure("fsync the directory of") }
    }

    /// The error of the call that just failed (`errno`), as SQLite's own failed sync reads.
    private static func failure(_ call: String) -> DatabaseError {
        let reason = String(cString: strerror(errno))
        return DatabaseError(resultCode: .SQLITE_IOERR_FSYNC, message: "could not \(call) the WAL: \(reason)")
    }
}

/// The C library's `close`, which `WALSync.close()` hides inside the class.
private func closeDescriptor(_ descriptor: CInt) {
    _ = close(descriptor)
}
