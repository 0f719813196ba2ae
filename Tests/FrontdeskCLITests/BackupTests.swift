import ArgumentParser
import Foundation
@testable import frontdesk
import FrontdeskCore
import FrontdeskEngine
import FrontdeskSQLite
import FrontdeskTestSupport
import Synchronization
import Testing

/// `frontdesk backup` and `frontdesk restore`: a copy of a SQLite database taken while it is
/// written, and put back.
@Suite("Backup and restore")
struct BackupTests {
    /// Writers go on creating members before, during and after the backup; the restored copy
    /// holds every member whose creation was acknowledged before the backup began.
    @Test func aBackupTakenUnderLoadHoldsEveryWriteAcknowledgedBeforeIt() async throws {
        let files = TemporaryFiles()
        defer { files.remove() }
        let live = try SQLiteStore(path: files.path("live.sqlite"))
        try await live.migrate()
        let frontdesk = Frontdesk(store: live)
        try await frontdesk.ensureDefaultOrganization()
        let owner = Frontdesk.platformCaller()
        let acknowledged = Acknowledged()
        let writers = Task {
            try await withThrowingTaskGroup { group in
                for writer in 0..<4 {
                    group.addTask {
                        while !Task.isCancelled {
                            let member = try await frontdesk.createMember(owner, MemberInput(name: "Writer \(writer)"))
                            acknowledged.ids.withLock { $0.append(member.id) }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        while acknowledged.ids.withLock({ $0.count }) < 300 { try await Task.sleep(for: .milliseconds(5)) }

        let beforeBackup = acknowledged.ids.withLock { $0 }
        try await Backup.parse(["--database", files.path("live.sqlite"), "--to", files.path("backup.sqlite")]).run()
        let afterBackup = acknowledged.ids.withLock { $0.count }
        while acknowledged.ids.withLock({ $0.count }) < afterBackup + 100 { try await Task.sleep(for: .milliseconds(5)) }
        writers.cancel()
        _ = await writers.result
        try await live.shutdown()

        try await Restore.parse(["--database", files.path("restored.sqlite"), "--from", files.path("backup.sqlite")]).run()
        let restored = try SQLiteStore(path: files.path("restored.sqlite"))
        try await restored.migrate()
        let members = Frontdesk(store: restored)
        for id in beforeBackup { _ = try await members.member(owner, id) }
        // The writes after the backup are not in it.
        let last = acknowledged.ids.withLock { $0.last! }
        await #expect(throws: FrontdeskError.self) { try await members.member(owner, last) }
        try await restored.shutdown()
    }

    @Test func restoreRefusesADatabaseThatHoldsDataUnlessForced() async throws {
        let files = TemporaryFiles()
        defer { files.remove() }
        try await Demo.parse(["--database", files.path("demo.sqlite")]).run()
        try await Backup.parse(["--database", files.path("demo.sqlite"), "--to", files.path("backup.sqlite")]).run()
        await #expect(throws: SQLiteBackupError.exists(files.path("backup.sqlite"))) {
            try await Backup.parse(["--database", files.path("demo.sqlite"), "--to", files.path("backup.sqlite")]).run()
        }
        let other = files.path("other.sqlite")
        try await Migrate.parse(["--database", other]).run()
        // A migrated database with nothing in it takes the backup without --force; then it holds data.
        try await Restore.parse(["--database", other, "--from", files.path("backup.sqlite")]).run()
        await #expect(throws: SQLiteBackupError.holdsData(other)) {
            try await Restore.parse(["--database", other, "--from", files.path("backup.sqlite")]).run()
        }
        try await Restore.parse(["--database", other, "--from", files.path("backup.sqlite"), "--force"]).run()
    }

    @Test func restoreReadsOnlyAFrontdeskDatabase() async throws {
        let files = TemporaryFiles()
        defer { files.remove() }
        try Data("name,email\n".utf8).write(to: URL(fileURLWithPath: files.path("people.csv")))
        await #expect(throws: SQLiteBackupError.notFrontdesk(files.path("people.csv"))) {
            try await Restore.parse(["--database", files.path("new.sqlite"), "--from", files.path("people.csv")]).run()
        }
        await #expect(throws: SQLiteBackupError.noFile(files.path("missing.sqlite"))) {
            try await Restore.parse(["--database", files.path("new.sqlite"), "--from", files.path("missing.sqlite")]).run()
        }
    }

    /// Another process with the database open (here the `sqlite3` shell, as a server would) stops a restore.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
    func restoreRefusesADatabaseAnotherProcessHasOpen() async throws {
        let files = TemporaryFiles()
        defer { files.remove() }
        let database = files.path("served.sqlite")
        try await Migrate.parse(["--database", database]).run()
        try await Backup.parse(["--database", database, "--to", files.path("backup.sqlite")]).run()
        let shell = try ChildProcess("/usr/bin/sqlite3", [database], environment: [:], input: true)
        shell.write("SELECT count(*) FROM schema_migrations;\n")
        while shell.standardOutput.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        await #expect(throws: SQLiteBackupError.inUse(database)) {
            try await Restore.parse(["--database", database, "--from", files.path("backup.sqlite"), "--force"]).run()
        }
        shell.closeInput()
        while shell.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        try await Restore.parse(["--database", database, "--from", files.path("backup.sqlite"), "--force"]).run()
    }

    @Test func postgresIsLeftToItsOwnTools() async throws {
        let url = "postgres://frontdesk@localhost/frontdesk"
        await #expect(throws: PostgresBackupRefused.self) { try await Backup.parse(["--database", url, "--to", "copy.sql"]).run() }
        await #expect(throws: PostgresBackupRefused.self) { try await Restore.parse(["--database", url, "--from", "copy.sql"]).run() }
    }
}

/// The ids of the writes acknowledged so far, in order.
private final class Acknowledged: Sendable {
    let ids = Mutex<[UUID]>([])
}
