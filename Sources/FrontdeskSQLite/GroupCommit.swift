import FrontdeskCore
import GRDB
import Synchronization

/// Group commit for the single SQLite writer. Writes that arrive while a transaction is being
/// committed wait together and run in the next one: one failing write is refused alone (see
/// `transaction(_:_:isolated:)`), the others commit, and one `fsync` covers them all. Nobody is
/// answered before the transaction that holds their write has committed and is on disk
/// (`WALSync`, which syncs a batch while the next one runs); under no load a batch is one write.
/// A write may run twice, when another of its batch failed after writing: it acts on the
/// database only.
///
/// The batches run one after another on the writer's own queue, entered once per burst
/// (`asyncWriteWithoutTransaction`): a write costs one hop to that queue and one back to its
/// caller, with no task of its own in between.
final class GroupCommit: Sendable {
    private struct Job: Sendable {
        let body: @Sendable (Database) throws -> any Sendable
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    private struct State {
        var queue: [Job] = []
        var draining = false
    }

    private let pool: DatabasePool
    private let durability: WALSync
    private let afterCommit: @Sendable () -> @Sendable () -> Void
    private let afterFailure: @Sendable () -> Void
    private let state = Mutex(State())
    /// The most writes one transaction takes, so a burst cannot hold the writer for long.
    private let maxBatch = 256

    /// `afterCommit` runs on the writer's queue after each batch commits, and what it returns once
    /// that commit is on disk; `afterFailure` after a batch's transaction fails as a whole; all
    /// before anyone is answered.
    init(pool: DatabasePool, durability: WALSync, afterCommit: @escaping @Sendable () -> @Sendable () -> Void,
         afterFailure: @escaping @Sendable () -> Void) {
        self.pool = pool
        self.durability = durability
        self.afterCommit = afterCommit
        self.afterFailure = afterFailure
    }

    /// The writes waiting for the next batch, and whether the writer is committing now.
    var load: (queued: Int, writing: Bool) {
        state.withLock { ($0.queue.count, $0.draining) }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let result = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<any Sendable, any Error>) in
            let job = Job(body: { db in try body(db) }, continuation: continuation)
            let start = state.withLock { state in
                state.queue.append(job)
                defer { state.draining = true }
                return !state.draining
            }
            if start { pool.asyncWriteWithoutTransaction { db in self.drain(db) } }
        }
        return result as! T
    }

    /// On the writer's queue: commits batches until no write is waiting.
    private func drain(_ db: Database) {
        while true {
            let jobs = state.withLock { state in
                let batch = Array(state.queue.prefix(maxBatch))
                state.queue.removeFirst(batch.count)
                if batch.isEmpty { state.draining = false }
                return batch
            }
            guard !jobs.isEmpty else { return }
            run(jobs, db)
        }
    }

    private func run(_ jobs: [Job], _ db: Database) {
        let batch = durability.begin()
        let outcomes: [Result<any Sendable, any Error>]
        do {
            do {
                outcomes = try transaction(jobs, db, isolated: false)
            } catch is PartialWrite {
                afterFailure()
                outcomes = try transaction(jobs, db, isolated: true)
            }
        } catch {
            // The transaction failed (its commit, or a savepoint): none of the writes happened.
            afterFailure()
            durability.ended(batch, then: nil)
            for job in jobs { job.continuation.resume(throwing: error) }
            return
        }
        // Refusals wait for the sync too: they may rest on a write of the batch before.
        let onDisk = afterCommit()
        durability.ended(batch) { synced in
            if case .failure(let error) = synced {
                for job in jobs { job.continuation.resume(throwing: error) }
                return
            }
            onDisk()
            for (job, outcome) in zip(jobs, outcomes) {
                job.continuation.resume(with: outcome)
            }
        }
    }

    /// A job that failed after writing, in a transaction without savepoints.
    private struct PartialWrite: Error {}

    /// One transaction running the jobs in turn, in which a job that fails is refused alone.
    ///
    /// Not `isolated`, the jobs run as they are: a write decides before it writes, so a refused
    /// one (a conflict, a rule) has written nothing, which SQLite's count of changed rows tells.
    /// A job that fails after writing rolls the whole transaction back (`PartialWrite`), to be run
    /// again `isolated`: each job in a savepoint of its own, released if it succeeds and rolled
    /// back if it fails. Savepoints cost the writer a tenth of its time: SQLite copies each page a
    /// job changes, that earlier jobs changed too, into the savepoint's journal first.
    private func transaction(_ jobs: [Job], _ db: Database, isolated: Bool) throws -> [Result<any Sendable, any Error>] {
        var outcomes: [Result<any Sendable, any Error>] = []
        try db.inTransaction(.immediate) {
            for job in jobs {
                // An error that rolled the whole transaction back (SQLite does that on a full disk,
                // for one) must fail the batch: the next job would run outside any transaction.
                guard db.isInsideTransaction else {
                    throw DatabaseError(resultCode: .SQLITE_ABORT, message: "Transaction was aborted")
                }
                if isolated {
                    outcomes.append(try Self.inSavepoint(db) { try job.body(db) })
                } else {
                    let changes = db.totalChangesCount
                    let outcome = Result { try job.body(db) }
                    if case .failure = outcome, db.totalChangesCount != changes { throw PartialWrite() }
                    outcomes.append(outcome)
                }
            }
            return .commit
        }
        return outcomes
    }

    /// Runs one job in its own savepoint, released if it succeeds and rolled back if it throws.
    /// The job's error is its outcome; an error of the savepoint itself fails the whole batch.
    /// Its statements are cached and run directly (`Database.run`): GRDB's `inSavepoint` prepares
    /// them again for each job, a cost the size of a small write's own statements.
    private static func inSavepoint(
        _ db: Database, _ body: () throws -> any Sendable
    ) throws -> Result<any Sendable, any Error> {
        try db.run("SAVEPOINT job")
        let outcome = Result { try body() }
        if case .failure = outcome { try db.run("ROLLBACK TO SAVEPOINT job") }
        try db.run("RELEASE SAVEPOINT job")
        return outcome
    }
}
