import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO
import _ConnectionPoolModule

/// Backend failures that are really rule violations, turned into domain errors; a database that
/// cannot be reached, turned into `StoreUnavailable`; everything else passed on.
enum PostgresErrors {
    static func translate(_ error: any Error) -> any Error {
        if let unavailable = unavailable(error) { return unavailable }
        guard let psql = error as? PSQLError, let state = psql.serverInfo?[.sqlState] else { return error }
        switch state {
        case "23P01":
            // The exclusion constraint on exclusive lines: the planner was bypassed or raced.
            let detail = psql.serverInfo?[.detail] ?? ""
            let resources = firstUUID(in: detail).map { [BookingConflict(resourceID: $0, resourceName: nil, bookingNumbers: [])] } ?? []
            return FrontdeskError.bookingConflict(resources)
        case "23505" where psql.serverInfo?[.constraintName] == "users_email_key":
            // Two writes gave one email at once; the store's own check saw neither.
            return FrontdeskError.conflict(code: "email_taken", detail: "Another user signs in with that email.")
        default:
            return error
        }
    }

    /// A connection that failed or closed under the request, a pool that gave up connecting (after a
    /// minute of failed attempts; until then a request waits for the database to come back), or a
    /// server that is shutting down, starting up or refusing connections (SQLSTATE class 08, 57P01–57P03).
    static func unavailable(_ error: any Error) -> StoreUnavailable? {
        if let pool = error as? ConnectionPoolError, pool == .connectionCreationCircuitBreakerTripped {
            return StoreUnavailable(reason: "no connection could be made for a while")
        }
        guard let psql = error as? PSQLError else { return nil }
        switch psql.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
            return StoreUnavailable(reason: "\(psql.code)")
        case .server:
            let state = psql.serverInfo?[.sqlState] ?? ""
            guard state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state) else { return nil }
            return StoreUnavailable(reason: "\(state) \(psql.serverInfo?[.message] ?? "")")
        default:
            return nil
        }
    }

    /// `Key (resource_id, tstzrange(starts_at, ends_at))=(<uuid>, …) conflicts with …`
    private static func firstUUID(in text: String) -> UUID? {
        text.firstMatch(of: /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/)
            .flatMap { UUID(text: String($0.output)) }
    }
}
