import ArgumentParser
import FrontdeskEngine

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a file written by `frontdesk export` into a new database, in one transaction.")

    @OptionGroup var store: StoreOptions

    @Option(help: "The file to read, written by `frontdesk export`.")
    var from: String

    @Flag(help: "Replace what the database holds.")
    var force = false

    func run() async throws {
        let rows = try await store.withTransferStore { transfer in
            try await transfer.migrate()
            return try await TransferFile.importRows(into: transfer, from: from, replacing: force)
        }
        say("Imported \(rows) rows from \(from) into \(store.database).")
    }
}
