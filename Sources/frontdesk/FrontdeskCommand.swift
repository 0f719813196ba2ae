import ArgumentParser
import FrontdeskHTTP

@main
struct FrontdeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontdesk",
        abstract: "Booking, check-in and attendance server.",
        version: ServerConfiguration.version,
        subcommands: [Serve.self, Migrate.self, Keys.self, Users.self, Demo.self, Sweep.self, Backup.self, Restore.self, Export.self,
                      Import.self],
        defaultSubcommand: Serve.self)
}
