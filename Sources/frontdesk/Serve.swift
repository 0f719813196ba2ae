import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskHTTP
import Hummingbird
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the HTTP server (migrates the database first).")

    @Option(help: "Address to listen on (env FRONTDESK_HOST).")
    var host: String = ProcessInfo.processInfo.environment["FRONTDESK_HOST"] ?? "127.0.0.1"

    @Option(help: "Port to listen on (env FRONTDESK_PORT).")
    var port: Int = ProcessInfo.processInfo.environment["FRONTDESK_PORT"].flatMap(Int.init) ?? 8080

    @Option(name: .customLong("cors-origins"),
            help: "Origins of browser pages that may call the API, comma-separated (https://desk.example.com), or * for any; none by default (env FRONTDESK_CORS_ORIGINS).")
    var corsOrigins: String = ProcessInfo.processInfo.environment["FRONTDESK_CORS_ORIGINS"] ?? ""

    @Option(name: .customLong("retention-days"),
            help: "Days events and audit entries are kept before they are purged; kept forever by default (env FRONTDESK_RETENTION_DAYS).")
    var retentionDays: Int? = ProcessInfo.processInfo.environment["FRONTDESK_RETENTION_DAYS"].flatMap(Int.init)

    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard (0...65_535).contains(port) else {
            throw CommandFailure("Port \(port) is out of range: --port (FRONTDESK_PORT) takes 1 to 65535, or 0 for any free port.")
        }
        let environment = ProcessInfo.processInfo.environment
        let masterKey = environment["FRONTDESK_MASTER_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        let level = environment["FRONTDESK_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        var configuration = ServerConfiguration(
            host: host, port: port, masterKey: masterKey, databaseKind: store.kind, logLevel: level)
        if let seconds = try Self.positive("FRONTDESK_IDLE_TIMEOUT", environment) { configuration.idleTimeout = .seconds(seconds) }
        if let seconds = try Self.positive("FRONTDESK_READ_TIMEOUT", environment) { configuration.readTimeout = .seconds(seconds) }
        if let count = try Self.positive("FRONTDESK_MAX_CONNECTIONS", environment) { configuration.maxConnections = count }
        configuration.allowedOrigins = try Self.origins(corsOrigins)
        if let days = retentionDays {
            guard days > 0 else {
                throw CommandFailure("--retention-days (FRONTDESK_RETENTION_DAYS) takes a whole number of days above zero, not \(days).")
            }
            configuration.retention = .seconds(days * 86_400)
        }
        FileDescriptorLimit.raise(toCover: configuration.maxConnections)
        try await store.withFrontdesk(serving: true) { frontdesk in
            let app = try await buildApplication(frontdesk: frontdesk, configuration: configuration) { address, port in
                await welcome(frontdesk, base: Self.base(address: address, port: port))
            }
            do {
                try await app.runService()
            } catch {
                throw ListenFailure(error, host: host, port: port) ?? error
            }
        }
    }

    /// What the server prints once it listens: on its first start the owner key (created only
    /// now, so a start that cannot listen loses no key), then where it listens.
    private func welcome(_ frontdesk: Frontdesk, base: String) async {
        do {
            if try await frontdesk.store.apiKeyCount() == 0 {
                let issued = try await frontdesk.bootstrapKey(name: "owner", role: .owner)
                say("""
                    First start: created an owner key for the default organization. It is shown only once:

                        \(issued.secret)

                    Try it:
                        curl -H 'Authorization: Bearer \(issued.secret)' \(base)/api/v1/organization

                    """)
            }
        } catch {
            say("Could not create the first owner key (\(error)): create one with frontdesk keys create --role owner --name owner")
        }
        if (try? await frontdesk.store.userCount()) == 0 {
            say("""
                No one can sign in yet: create the first user, an owner, and open the link it prints:
                    frontdesk users create --email you@example.com --name 'Your Name' --role owner --url \(base)

                """)
        }
        say("Frontdesk \(ServerConfiguration.version) on \(store.kind) (\(store.database)) listening on \(base)")
        say("Authenticate with: Authorization: Bearer <key>   (new keys: frontdesk keys create --role front_desk --name desk)")
    }

    /// The URL a client on this machine reaches the server at, from the address it listens on.
    static func base(address: String, port: Int) -> String {
        switch address {
        case "0.0.0.0": "http://127.0.0.1:\(port)"
        case "::": "http://[::1]:\(port)"
        case let address where address.contains(":"): "http://[\(address)]:\(port)"
        default: "http://\(address):\(port)"
        }
    }

    /// The allowed origins of `--cors-origins`: each `scheme://host[:port]` without a path, or `*`.
    static func origins(_ list: String) throws -> Set<String> {
        let origins = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for origin in origins where origin != "*" {
            guard let url = URL(string: origin), ["http", "https"].contains(url.scheme), url.host != nil, url.path.isEmpty,
                  url.query == nil else {
                throw CommandFailure("\(origin) is not an origin: --cors-origins (FRONTDESK_CORS_ORIGINS) takes "
                    + "scheme://host[:port] without a path, comma-separated, or *.")
            }
        }
        return Set(origins)
    }

    /// A whole number above zero from the environment, nil when unset.
    static func positive(_ name: String, _ environment: [String: String]) throws -> Int? {
        guard let text = environment[name], !text.isEmpty else { return nil }
        guard let value = Int(text), value > 0 else { throw ValidationError("\(name) must be a whole number above zero, not \(text)") }
        return value
    }
}
