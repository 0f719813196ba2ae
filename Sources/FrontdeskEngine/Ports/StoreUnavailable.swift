/// The database could not be reached: the connection failed, was closed under the request, or the
/// server is shutting down or starting up. A store throws it instead of the driver's error, so the
/// HTTP layer answers `503 database_unavailable` (retry later) rather than a 500. Nothing about the
/// request is known: it may or may not have been carried out, as with any answer but a 2xx.
public struct StoreUnavailable: Error, Sendable, CustomStringConvertible {
    /// What the driver said, for the log: never shown to the client.
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { "the database is unavailable: \(reason)" }
}
