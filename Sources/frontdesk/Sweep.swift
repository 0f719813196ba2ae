import ArgumentParser
import FrontdeskEngine

struct Sweep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mark overdue bookings no_show and expire stale pending holds, once (serve does it every minute).")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let moved = try await store.withFrontdesk { frontdesk in try await frontdesk.sweep() }
        say("Moved \(moved) booking(s).")
    }
}
