import ArgumentParser
import FrontdeskSQLite

struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put a backup in place of a SQLite database, with no server running on it.")

    @OptionGroup var store: StoreOptions

    @Option(help: "The backup to restore, written by `frontdesk backup`.")
    var from: String

    @Flag(help: "Replace a database that already holds data.")
    var force = false

    func run() async throws {
        try store.requireSQLite()
        try SQLiteBackup.restore(from, to: store.database, replacing: force)
        say("Restored \(store.database) from \(from).")
    }
}
