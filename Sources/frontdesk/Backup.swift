import ArgumentParser
import FrontdeskSQLite

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy a SQLite database into a new file, consistent as of one moment, while servers write to it.")

    @OptionGroup var store: StoreOptions

    @Option(help: "The file to write; it must not exist.")
    var to: String

    func run() async throws {
        try store.requireSQLite()
        try SQLiteBackup.copy(store.database, to: to)
        say("Backed up \(store.database) to \(to).")
    }
}
