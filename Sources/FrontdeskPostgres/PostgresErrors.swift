import Foundation
import FrontdeskCore
import PostgresNIO

/// Backend failures that are really rule violations, turned into domain errors; everything else
/// unwrapped from PostgresNIO's transaction wrapper and passed on.
enum PostgresErrors {
    static func translate(_ error: any Error) -> any Error {
        let error = unwrap(error)
        guard let psql = error as? PSQLError, let state = psql.serverInfo?[.sqlState] else { return error }
        switch state {
        case "23P01":
            // The exclusion constraint on exclusive lines: the planner was bypassed or raced.
            let detail = psql.serverInfo?[.detail] ?? ""
            let resources = firstUUID(in: detail).map { [BookingConflict(resourceID: $0, resourceName: nil, bookingNumbers: [])] } ?? []
            return FrontdeskError.bookingConflict(resources)
        default:
            return error
        }
    }

    /// The error that made a transaction fail, rather than the wrapper that reports it.
    static func unwrap(_ error: any Error) -> any Error {
        guard let transaction = error as? PostgresTransactionError else { return error }
        return transaction.closureError ?? transaction.commitError ?? transaction.beginError ?? error
    }

    /// `Key (resource_id, tstzrange(starts_at, ends_at))=(<uuid>, …) conflicts with …`
    private static func firstUUID(in text: String) -> UUID? {
        text.firstMatch(of: /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/)
            .flatMap { UUID(text: String($0.output)) }
    }
}
