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

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let masterKey = environment["FRONTDESK_MASTER_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        let level = environment["FRONTDESK_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        try await store.withFrontdesk { frontdesk in
            let base = "http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)"
            if try await frontdesk.store.apiKeyCount() == 0 {
                let issued = try await frontdesk.bootstrapKey(name: "owner", role: .owner)
                say("""
                    First start: created an owner key for the default organization. It is shown only once:

                        \(issued.secret)

                    Try it:
                        curl -H 'Authorization: Bearer \(issued.secret)' \(base)/api/v1/organization

                    """)
            }
            var configuration = ServerConfiguration(
                host: host, port: port, masterKey: masterKey, databaseKind: store.kind, logLevel: level)
            if let seconds = try Self.positive("FRONTDESK_IDLE_TIMEOUT", environment) { configuration.idleTimeout = .seconds(seconds) }
            if let seconds = try Self.positive("FRONTDESK_READ_TIMEOUT", environment) { configuration.readTimeout = .seconds(seconds) }
            if let count = try Self.positive("FRONTDESK_MAX_CONNECTIONS", environment) { configuration.maxConnections = count }
            FileDescriptorLimit.raise(toCover: configuration.maxConnections)
            let app = try await buildApplication(frontdesk: frontdesk, configuration: configuration)
            say("Frontdesk \(ServerConfiguration.version) on \(store.kind) (\(store.database)) listening on \(base)")
            say("Authenticate with: Authorization: Bearer <key>   (new keys: frontdesk keys create --role front_desk --name desk)")
            try await app.runService()
        }
    }

    /// A whole number above zero from the environment, nil when unset.
    static func positive(_ name: String, _ environment: [String: String]) throws -> Int? {
        guard let text = environment[name], !text.isEmpty else { return nil }
        guard let value = Int(text), value > 0 else { throw ValidationError("\(name) must be a whole number above zero, not \(text)") }
        return value
    }
}
