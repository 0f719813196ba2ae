import ArgumentParser
import Foundation
import FrontdeskEngine
import FrontdeskSQLite

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the whole data into a file that either engine imports (idempotency keys are left out).")

    /// The formats an export is written in.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// One JSON object a line (`TransferFormat`).
        case jsonl
    }

    @OptionGroup var store: StoreOptions

    @Option(help: "The format of the file: jsonl, one JSON object a line.")
    var format: Format = .jsonl

    @Option(help: "The file to write; it must not exist.")
    var to: String

    func run() async throws {
        if !store.isPostgres, !FileManager.default.fileExists(atPath: store.database) {
            throw SQLiteBackupError.noFile(store.database)
        }
        let rows = try await store.withTransferStore { transfer in
            try await transfer.verifySchema()
            return try await TransferFile.export(transfer, engine: store.kind, to: to)
        }
        say("Exported \(rows) rows of \(store.database) to \(to).")
    }
}
