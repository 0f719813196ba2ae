import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB
import Synchronization

/// The embedded default store: one SQLite file in WAL mode, read by a pool of connections and
/// written by one. Every write runs in a `BEGIN IMMEDIATE` transaction (see `GroupCommit`), so a
/// write locks what it checks: with one writer, two bookings can never both see a resource free.
public final class SQLiteStore: SchemaStore {
    let pool: DatabasePool
    let writer: GroupCommit
    /// Copies the WAL back into the database file beside the writer.
    let checkpointer: Checkpointer
    /// Syncs the writer's commits beside it; answers wait for it.
    let durability: WALSync
    /// Wakes this process's event streams after commits that wrote events (one process owns the file).
    let notifier = EventNotifier()
    let wakeUps: PendingWakeUps
    /// The writer's copy of what bookings read before they are decided.
    let writerCatalog = WriterCatalog()
    /// Reads running now (`connectionGauges`).
    let readsInFlight = Atomic(0)

    /// Opens (and creates) the database file at `path`. Call `migrate()` before use.
    public init(path: String) throws {
        try WALWrites.register()
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = max(8, 2 * ProcessInfo.processInfo.activeProcessorCount)
        configuration.prepareDatabase { db in
            // Savepoints and sorts in memory. The memory map and the caches count in the server's
            // memory (the map's pages once read), so they are small: 32 MB of map, shared by every
            // connection, and 4 MB of cache for each reader in use, about as many as the machine
            // has cores (reads run on the calling thread). A page past the map, or newer in the WAL
            // than in the file, is read into the cache, from the kernel's page cache mostly.
            // `scripts/bench` against 64 MB and 16 MB: peak RSS 117 MB against 169–183, bookings
            // and availability as fast (`scripts/bench-ab`: 5,729 against 5,547 bookings/s).
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA cache_size = -4096")
            try db.execute(sql: "PRAGMA mmap_size = 33554432")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        let checkpointer = try Checkpointer(path: path)
        self.checkpointer = checkpointer
        // NORMAL: the writer's commits do not sync the WAL; `WALSync` does, beside the writer, and
        // a commit is acknowledged once it is on disk, even across a power cut. (With FULL, the
        // writer waited for the disk in every commit, and no write ran meanwhile: `scripts/bench-ab`,
        // bookings 3,190 a second with FULL, 3,928 with the sync beside the writer.) Only the
        // writer commits.
        //
        // The WAL is copied back into the database beside the writer, not in its commits (`Checkpointer`).
        //
        // The writer keeps a smaller page cache (8 MB) than the readers. When an index page splits,
        // SQLite's B-tree briefly renumbers a page to the one past the first gigabyte, and at the
        // next commit the page cache then looks for pages beyond the database's end in every slot
        // of its hash table: with 64 MB that walk was a tenth of the writer's time. Pages the
        // writer does not keep are read back through the memory map or from the WAL.
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -8192")
            checkpointer.watch(db)
        }
        let wakeUps = PendingWakeUps(notifier)
        self.wakeUps = wakeUps
        durability = WALSync(databasePath: path)
        writer = GroupCommit(pool: pool, durability: durability, afterCommit: wakeUps.committed,
                             afterFailure: writerCatalog.clear)
    }

    public func migrate() async throws {
        try await pool.writeWithoutTransaction { db in
            // A migration that copies a table keeps its statement journal in a temporary file, not
            // in memory: copying a gigabyte of events (0037) took 760 MB of memory, 14 MB so.
            try db.execute(sql: "PRAGMA temp_store = FILE")
            defer { try? db.execute(sql: "PRAGMA temp_store = MEMORY") }
            try db.inTransaction(.immediate) {
                try SQLiteMigrations.apply(db)
                return .commit
            }
        }
        try durability.syncNow()
    }

    public func verifySchema() async throws {
        try await pool.read { db in try SQLiteMigrations.verify(db) }
    }

    public func shutdown() async throws {
        try pool.close()
        try checkpointer.close()
        durability.close()
    }

    /// One atomic write, committed (`BEGIN IMMEDIATE`, group-committed with the writes that
    /// arrive alongside it) before it returns. Domain errors thrown inside roll it back and come
    /// out unchanged. Throw them before writing where you can (a failure after writing costs its
    /// whole batch a second run), and act on the database only: the body may run twice.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(body)
        } catch let error as DatabaseError {
            throw SQLiteErrors.translate(error)
        }
    }

    /// A read runs on the calling thread, in one of the pool's reader connections. It is CPU work
    /// on pages in memory (WAL readers never wait for the writer), as short as decoding a request;
    /// GRDB's async `read` would hop to the reader's queue and back, which costs more than most
    /// reads here. The pool has more readers than the machine has cooperative threads (twice its
    /// cores), so a read never waits for one.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        readsInFlight.add(1, ordering: .relaxed)
        defer { readsInFlight.subtract(1, ordering: .relaxed) }
        return try readHere(body)
    }

    private func readHere<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }
}

/// Every port, each implemented in the file named after its feature.
extension SQLiteStore: FrontdeskStore {}
