import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskEngine

struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the people who sign in to the desk, in the default organization.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a user and print the one-time link at which they set their password.")

        @Option(help: "The email they sign in with.")
        var email: String

        @Option(help: "Their name, as the audit log shows it.")
        var name: String

        @Option(help: "owner, admin, manager, front_desk, viewer or kiosk.")
        var role: String

        @Option(help: "Where the server is reached, for the link (env FRONTDESK_PUBLIC_URL).")
        var url: String = ProcessInfo.processInfo.environment["FRONTDESK_PUBLIC_URL"] ?? "http://127.0.0.1:8080"

        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard Role(rawValue: role) != nil else {
                throw ValidationError("role must be one of: " + Role.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }

        func run() async throws {
            let created = try await store.withFrontdesk { frontdesk in
                try await frontdesk.bootstrapUser(UserInput(email: email, name: name, role: Role(rawValue: role)!))
            }
            let token = created.inviteToken!
            say("""
                Created \(created.user.role.rawValue) \(created.user.email). The link to set the password, once:

                    \(url.hasSuffix("/") ? String(url.dropLast()) : url)/invite/\(token)

                Or through the API:
                    curl -X POST \(url)/api/v1/invitations/accept -H 'Content-Type: application/json' \\
                      -d '{"token":"\(token)","password":"…"}'
                """)
        }
    }
}
