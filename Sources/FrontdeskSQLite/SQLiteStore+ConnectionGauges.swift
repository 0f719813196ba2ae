import FrontdeskEngine
import GRDB
import Synchronization

extension SQLiteStore {
    /// The pool's readers (in use out of at most so many) and the one writer's queue: the writes
    /// waiting for the next group commit, whether a batch is being written now, and the batches
    /// not yet on disk.
    public var connectionGauges: [ConnectionGauge] {
        let load = writer.load, progress = durability.progress
        return [
            ConnectionGauge("frontdesk_db_readers_max", pool.configuration.maximumReaderCount,
                            help: "SQLite reader connections the pool may open."),
            ConnectionGauge("frontdesk_db_readers_in_use", readsInFlight.load(ordering: .relaxed),
                            help: "SQLite reads running now, each on a reader connection."),
            ConnectionGauge("frontdesk_db_writes_queued", load.queued,
                            help: "Writes waiting for the SQLite writer's next group commit."),
            ConnectionGauge("frontdesk_db_writer_busy", load.writing ? 1 : 0,
                            help: "1 while the SQLite writer is committing a batch, else 0."),
            ConnectionGauge("frontdesk_db_batches_unsynced", Int(progress.begun - progress.synced),
                            help: "SQLite writer's batches begun or committed, not yet on disk: their writers wait."),
        ]
    }
}
