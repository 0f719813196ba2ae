import ArgumentParser
import FrontdeskCore
import FrontdeskEngine

struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage API keys of the default organization.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a key and print its secret (shown once).")

        @Option(help: "owner, admin, manager, front_desk, viewer or kiosk.")
        var role: String

        @Option(help: "A name to recognise the key by.")
        var name: String

        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard Role(rawValue: role) != nil else {
                throw ValidationError("role must be one of: " + Role.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }

        func run() async throws {
            let issued = try await store.withFrontdesk { frontdesk in
                try await frontdesk.bootstrapKey(name: name, role: Role(rawValue: role)!)
            }
            say(issued.secret)
        }
    }
}
