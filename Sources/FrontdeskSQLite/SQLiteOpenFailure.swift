import Foundation
import GRDB

/// Why the SQLite database at a path could not be opened, in one sentence that names the file:
/// what `frontdesk` prints instead of SQLite's result code.
public struct SQLiteOpenFailure: Error, CustomStringConvertible {
    public let description: String

    init(path: String, _ error: DatabaseError) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        switch error.resultCode {
        case .SQLITE_NOTADB:
            description = "\(path) is not a SQLite database: give the path of a Frontdesk database, or of a new file to create."
        case .SQLITE_CANTOPEN where !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory):
            description = "Cannot open the database \(path): the directory \(directory) does not exist."
        case .SQLITE_CANTOPEN where !isDirectory.boolValue:
            description = "Cannot open the database \(path): \(directory) is not a directory."
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
            description = "Cannot open the database \(path) for writing: check that it is a file this user may read and write, "
                + "in a directory it may write (SQLite keeps its -wal and -shm files beside it)."
        default:
            description = "Cannot open the database \(path): \(error.message ?? "SQLite error \(error.resultCode.rawValue)")."
        }
    }
}

extension SQLiteStore {
    /// Opens the database at `path` as `init(path:)` does, and tells a failure to open it as a
    /// `SQLiteOpenFailure`: how the `frontdesk` commands open their database.
    public static func open(path: String) throws -> SQLiteStore {
        do {
            return try SQLiteStore(path: path)
        } catch let error as DatabaseError {
            throw SQLiteOpenFailure(path: path, error)
        }
    }
}
