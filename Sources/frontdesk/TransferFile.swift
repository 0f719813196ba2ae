import Foundation
import FrontdeskEngine
import FrontdeskPostgres
import FrontdeskSQLite

/// An export file (`TransferFormat`) on disk: written by `frontdesk export`, read by `frontdesk import`.
enum TransferFile {
    /// Writes the header and every row of `store` (an `engine` database) into a new file at
    /// `path`; returns how many rows. A file left half written by a failure is removed.
    static func export(_ store: any TransferStore, engine: String, to path: String) async throws -> Int {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw errno == EEXIST ? TransferFileError.exists(path) : TransferFileError.cannotWrite(path, String(cString: strerror(errno)))
        }
        let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            var buffer = TransferFormat.line(TransferHeader(engine: engine, migrations: try await store.appliedMigrations()))
            var count = 0
            try await store.exportRows { row in
                buffer += try TransferFormat.line(row)
                count += 1
                if buffer.count >= 1 << 20 {
                    try file.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try file.write(contentsOf: buffer)
            try file.synchronize()
            try file.close()
            return count
        } catch {
            try? file.close()
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    /// Reads the file at `path` into `store`, in one transaction; returns how many rows. Refuses a
    /// file exported at another schema than this build's, and a database that holds data unless
    /// `replacing`.
    static func importRows(into store: any TransferStore, from path: String, replacing: Bool) async throws -> Int {
        var lines = try LineReader(path)
        guard let first = try lines.next() else { throw TransferError.badLine(1, "is missing: the file is empty") }
        try check(try TransferFormat.header(first))
        var count = 0
        try await store.importRows(replacing: replacing) {
            guard let line = try lines.next() else { return nil }
            count += 1
            return try TransferFormat.row(line, number: lines.number)
        }
        return count
    }

    /// Refuses a file exported at a schema other than the one this build migrates its engine to.
    private static func check(_ header: TransferHeader) throws {
        let known: [String]
        switch header.engine {
        case "sqlite": known = SQLiteStore.migrationVersions
        case "postgres": known = PostgresStore.migrationVersions
        default: throw TransferError.badLine(1, "names an engine this Frontdesk does not know (\(header.engine))")
        }
        let missing = Set(known).subtracting(header.migrations).sorted()
        let unknown = Set(header.migrations).subtracting(known).sorted()
        if !missing.isEmpty || !unknown.isEmpty {
            throw TransferError.otherSchema(engine: header.engine, missing: missing, unknown: unknown)
        }
    }
}

/// A file's lines, read a megabyte at a time.
struct LineReader {
    private let file: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// The number of the line `next` returned last, from 1.
    private(set) var number = 0

    init(_ path: String) throws {
        guard let file = FileHandle(forReadingAtPath: path) else { throw TransferFileError.cannotRead(path) }
        self.file = file
    }

    /// The next line, without its end; nil at the end of the file.
    mutating func next() throws -> String? {
        while true {
            if let end = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { start = end + 1 }
                number += 1
                return String(decoding: buffer[start..<end], as: UTF8.self)
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                number += 1
                return String(decoding: buffer[start...], as: UTF8.self)
            }
            buffer.removeFirst(start)
            start = 0
            let chunk = try file.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { atEnd = true } else { buffer += chunk }
        }
    }
}

/// A file that an export or an import cannot use.
enum TransferFileError: Error, CustomStringConvertible {
    case exists(String)
    case cannotWrite(String, String)
    case cannotRead(String)

    var description: String {
        switch self {
        case .exists(let path): "\(path) already exists: choose a new file name, or remove that file first."
        case .cannotWrite(let path, let reason): "Cannot write \(path): \(reason)."
        case .cannotRead(let path): "Cannot read \(path): there is no such file, or it cannot be opened."
        }
    }
}
