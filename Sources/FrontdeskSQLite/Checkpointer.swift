import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Copies the WAL back into the database file on a connection of its own, beside the writer.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses its threshold, on the
/// writer's queue: every write waiting for the next batch waited for the copy and its sync too.
/// That was much of the tail of a booking's check-in (p99 26–29 ms at 16 connections on a fresh
/// database, 23–26 ms with this, 10 ms with no checkpoint at all, which is no option: a WAL that
/// only grows slows every read), and a twentieth of the writer's time. The writer now tells this
/// connection how long its WAL is after each commit (`sqlite3_wal_hook`): every `threshold` new
/// frames a passive checkpoint runs here, one at a time, while writes go on; once `restart`
/// frames are copied, a restarting one copies the rest and starts the WAL again, holding the
/// writer back for at most 20 ms (busy, it waits for the next time). Should this fall far behind
/// (`backstop`), the writer checkpoints in its commit as SQLite would.
final class Checkpointer: Sendable {
    /// New frames in the WAL (4 KB each) past which a checkpoint starts.
    static let threshold: CInt = 5000
    /// Frames copied past which the WAL is started again (a restarting checkpoint holds the writer).
    static let restart = 10000
    /// Frames past which the writer checkpoints itself.
    static let backstop: CInt = 20000

    private let connection: DatabaseQueue
    private let state = Mutex((running: false, copied: CInt(0), closed: false))

    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(0.02)  // how long a restarting checkpoint may hold the writer back
        connection = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Installs the hook on the writer's connection, in place of SQLite's automatic checkpoint.
    func watch(_ writer: Database) {
        let context = Unmanaged.passRetained(Watch(self)).toOpaque()  // one small box per store
        sqlite3_wal_hook(writer.sqliteConnection, { context, db, name, frames in
            guard let context else { return SQLITE_OK }
            if frames >= Checkpointer.backstop { sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nil, nil) }
            if frames >= Checkpointer.threshold { Unmanaged<Watch>.fromOpaque(context).takeUnretainedValue().owner?.walHas(frames) }
            return SQLITE_OK
        }, context)
    }

    /// No checkpoint starts after this; the one running ends first.
    func close() throws {
        state.withLock { $0.closed = true }
        try connection.close()
    }

    /// Starts a checkpoint when the WAL has grown by `threshold` frames past what the last one
    /// copied (a page written by many commits in between is copied once), queued while the lock is
    /// held, so that it is queued before `close()` or not at all.
    private func walHas(_ frames: CInt) {
        state.withLock { state in
            if frames < state.copied { state.copied = 0 }  // the writer started the WAL again
            guard !state.closed, !state.running, frames - state.copied >= Self.threshold else { return }
            state.running = true
            connection.asyncWriteWithoutTransaction { db in
                var copied = (try? db.checkpoint(.passive))?.checkpointedFrameCount
                // Most of the WAL copied, the rest is copied with the writer held back a moment and
                // the WAL started again; busy (a long read on the old WAL), it waits for the next.
                if let done = copied, done >= Self.restart, let restarted = try? db.checkpoint(.restart) {
                    copied = restarted.checkpointedFrameCount
                }
                self.state.withLock { state in
                    state.running = false
                    if let copied, copied > 0 { state.copied = CInt(clamping: copied) }
                }
            }
        }
    }

    /// What the hook holds: the checkpointer while it lives.
    private final class Watch: @unchecked Sendable {
        weak var owner: Checkpointer?
        init(_ owner: Checkpointer) { self.owner = owner }
    }
}
