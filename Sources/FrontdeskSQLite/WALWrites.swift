import CSQLiteWALWrites
import GRDB
import GRDBSQLite

/// Every connection opens its files through a VFS that writes each commit's WAL frames in one
/// `pwrite` instead of two a frame (`Sources/CSQLiteWALWrites/WALWrites.c` says why, and how no
/// reader sees a frame before it is in the file).
enum WALWrites {
    /// Makes it SQLite's default, once, before the first database opens.
    static func register() throws {
        guard registered == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: registered),
                                message: "could not register the VFS that gathers WAL writes")
        }
    }

    private static let registered = frontdesk_wal_writes_register()
}
