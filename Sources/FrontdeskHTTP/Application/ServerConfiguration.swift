import Foundation
import Logging

/// How the HTTP server runs: where it listens and who the platform is.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// `FRONTDESK_MASTER_KEY`: the platform key, never stored.
    public var masterKey: String?
    /// What `/health` reports the store as: `sqlite` or `postgres`.
    public var databaseKind: String
    /// How often the sweeper moves overdue bookings on (no-show, expiry); nil turns it off.
    public var sweepInterval: Duration?
    /// How often actions are dispatched from the outbox and due webhooks attempted; nil turns them off.
    public var actionInterval: Duration?
    /// `--retention-days`: how long events and audit entries are kept before they are purged
    /// (`RetentionService`); nil keeps them forever.
    public var retention: Duration?
    public var logLevel: Logger.Level
    /// `FRONTDESK_IDLE_TIMEOUT`: how long a connection may wait for its next request's head to
    /// arrive in full (an idle keep-alive connection, or a head sent slowly) before it is closed.
    public var idleTimeout: Duration
    /// `FRONTDESK_READ_TIMEOUT`: how long a request's body may stop arriving before the
    /// connection is closed.
    public var readTimeout: Duration
    /// `FRONTDESK_MAX_CONNECTIONS`: open connections at most; further ones wait in the listen
    /// backlog until one closes, so the process keeps file descriptors for its database.
    public var maxConnections: Int
    /// `FRONTDESK_CORS_ORIGINS`: the origins of browser pages that may call the API
    /// (`https://desk.example.com`, or `*` for any); none by default (`CrossOriginMiddleware`).
    public var allowedOrigins: Set<String> = []

    public init(host: String = "127.0.0.1", port: Int = 8080, masterKey: String? = nil, databaseKind: String = "sqlite",
                sweepInterval: Duration? = .seconds(60), actionInterval: Duration? = .seconds(1),
                logLevel: Logger.Level = .info, idleTimeout: Duration = .seconds(60), readTimeout: Duration = .seconds(30),
                maxConnections: Int = 4096) {
        self.host = host
        self.port = port
        self.masterKey = masterKey
        self.databaseKind = databaseKind
        self.sweepInterval = sweepInterval
        self.actionInterval = actionInterval
        self.logLevel = logLevel
        self.idleTimeout = idleTimeout
        self.readTimeout = readTimeout
        self.maxConnections = maxConnections
    }

    public static let version = "0.1.0"
}
