import ArgumentParser
import NIOCore
import NIOPosix

@main
struct FrontdeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontdesk",
        abstract: "Booking, check-in and attendance server.",
        subcommands: [Serve.self, Migrate.self, Keys.self, Demo.self, Sweep.self],
        defaultSubcommand: Serve.self)

    /// Swift concurrency runs on NIO's event loops (one thread per core), where the server's I/O
    /// already is: a request's handler and its socket no longer hand work between two thread pools.
    static func main() async {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await main(nil)
    }
}
