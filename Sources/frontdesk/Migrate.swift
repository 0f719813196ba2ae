import ArgumentParser
import FrontdeskEngine

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply database migrations and exit.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withFrontdesk { _ in say("Database \(store.database) is up to date.") }
    }
}
