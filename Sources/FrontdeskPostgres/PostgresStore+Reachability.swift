import Foundation
import FrontdeskEngine
import PostgresNIO

/// PostgreSQL did not let this process in within the wait: it is down, unreachable, or refuses
/// the URL's user, password or database. Names the host and port, never the password.
public struct PostgresUnreachable: Error, CustomStringConvertible {
    public let description: String
}

extension PostgresStore {
    /// Waits until the pool holds a connection, for at most `patience`, so a start-up against a
    /// database that is away fails in one line instead of waiting on the pool's retries forever.
    public func waitUntilReachable(within patience: Duration) async throws {
        let late = "it did not accept a connection within \(patience)"
        let failure: String? = await withinDeadline(patience, else: late) {
            do {
                try await self.client.withConnection { _ in }
                return nil
            } catch let error as PSQLError {
                return error.serverInfo?[.message] ?? "\(error.code)"
            } catch {
                return String(describing: error)
            }
        }
        guard let failure else { return }
        let address = (configuration.host ?? configuration.unixSocketPath ?? "?") + (configuration.port.map { ":\($0)" } ?? "")
        throw PostgresUnreachable(description: "Cannot connect to PostgreSQL at \(address): \(failure). "
            + "Check that it runs and is reachable from here, and that the URL's user, password and database are right.")
    }
}
