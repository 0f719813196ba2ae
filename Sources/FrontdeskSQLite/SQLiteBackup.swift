import Foundation
import FrontdeskEngine
import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Copies of a SQLite database (`frontdesk backup` and `frontdesk restore`), made with SQLite's
/// backup API: page by page, in one step, from one read transaction, so a copy is consistent as of
/// one moment while servers go on writing, and a restore goes through SQLite's own locks and WAL.
public enum SQLiteBackup {
    /// Copies the Frontdesk database at `path` into a new file at `destination`: written beside it
    /// under another name first, and renamed once complete.
    public static func copy(_ path: String, to destination: String) throws {
        guard !FileManager.default.fileExists(atPath: destination) else { throw SQLiteBackupError.exists(destination) }
        let source = try openFrontdesk(path)
        let partial = destination + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            try source.backup(to: try DatabaseQueue(path: partial))
            try source.close()
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// Puts the Frontdesk database copied at `backup` in place of the database at `path` (created if
    /// there is none). Refuses a database that holds data unless `replacing`, and a database
    /// another process has open (a server).
    public static func restore(_ backup: String, to path: String, replacing: Bool) throws {
        let source = try openFrontdesk(backup)
        if FileManager.default.fileExists(atPath: path) {
            if isOpenElsewhere(path) { throw SQLiteBackupError.inUse(path) }
            if !replacing {
                let target = try openFrontdesk(path, emptyAllowed: true)
                let holdsData = try target.read { db in
                    try db.tableExists("organizations") && SQLiteStore.holdsData(db)
                }
                try target.close()
                if holdsData { throw SQLiteBackupError.holdsData(path) }
            }
        }
        try source.backup(to: try DatabaseQueue(path: path))
        try source.close()
    }

    /// Opens the database at `path` read-only, and checks that it is one Frontdesk made (its
    /// migrations known to this build), or, `emptyAllowed`, a database with no tables.
    private static func openFrontdesk(_ path: String, emptyAllowed: Bool = false) throws -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: path) else { throw SQLiteBackupError.noFile(path) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw SQLiteBackupError.notFrontdesk(path)
        }
        do {
            try queue.read { db in
                guard try db.tableExists("schema_migrations") else {
                    if emptyAllowed, try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0 { return }
                    throw SQLiteBackupError.notFrontdesk(path)
                }
                let unknown = Set(try String.fetchAll(db, sql: "SELECT version FROM schema_migrations"))
                    .subtracting(SQLiteStore.migrationVersions)
                if !unknown.isEmpty { throw StoreError.unknownMigrations(unknown.sorted()) }
            }
        } catch {
            try? queue.close()
            throw error
        }
        return queue
    }

    /// Whether another process has the database at `path` open in WAL mode: each connection holds
    /// a shared lock on one byte of its `-shm` file (SQLite's "DMS" lock, at offset 128) as long
    /// as it is open. Locks of this process are not seen.
    static func isOpenElsewhere(_ path: String) -> Bool {
        let descriptor = open(path + "-shm", O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 128
        lock.l_len = 1
        return fcntl(descriptor, F_GETLK, &lock) == 0 && lock.l_type != Int16(F_UNLCK)
    }
}

/// Why a backup or a restore did not start; nothing was written.
public enum SQLiteBackupError: Error, Sendable, Equatable {
    case noFile(String)
    case exists(String)
    case notFrontdesk(String)
    case inUse(String)
    case holdsData(String)
}

extension SQLiteBackupError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .noFile(let path): "There is no file at \(path)."
        case .exists(let path): "\(path) already exists: choose a new file name, or remove that file first."
        case .notFrontdesk(let path): "\(path) is not a Frontdesk database."
        case .inUse(let path): "\(path) is open in another process (a running server?): stop it, then restore."
        case .holdsData(let path): "\(path) already holds data: restore into a new file, or add --force to replace it."
        }
    }
}
