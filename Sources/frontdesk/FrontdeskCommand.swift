import ArgumentParser

@main
struct FrontdeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontdesk",
        abstract: "Booking, check-in and attendance server.",
        subcommands: [Serve.self, Migrate.self, Keys.self, Demo.self, Sweep.self],
        defaultSubcommand: Serve.self)
}
