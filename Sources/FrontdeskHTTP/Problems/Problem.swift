import Foundation
import FrontdeskCore
import FrontdeskEngine

/// An RFC 9457 problem document with our stable `code` and the details a client needs to act.
struct Problem: Encodable, Sendable {
    struct Conflict: Encodable, Sendable {
        var resource_id: String
        var resource_name: String?
        var booking_numbers: [String]
    }

    var type: String
    var title: String
    var status: Int
    var detail: String
    var code: String
    var errors: [FieldIssue]?
    var conflicts: [Conflict]?
    var current: String?
    var allowed: [String]?
    var permission: String?
    var resource_id: String?
    var resource_name: String?
    var checkin_ids: [String]?
    var booking_numbers: [String]?
    var line_id: String?
    var opens_at: String?
    /// Seconds to wait (`too_many_attempts`), also sent as `Retry-After`.
    var retry_after: Int?

    static let contentType = "application/problem+json"

    init(_ error: FrontdeskError) {
        type = "https://frontdesk.dev/problems/" + error.code.replacingOccurrences(of: "_", with: "-")
        title = error.title
        status = error.status
        detail = error.detail
        code = error.code
        switch error {
        case .validationFailed(let issues):
            errors = issues
        case .bookingConflict(let list):
            conflicts = list.map { Conflict(resource_id: $0.resourceID.text, resource_name: $0.resourceName,
                                             booking_numbers: $0.bookingNumbers) }
        case .invalidTransition(let from, _, let next):
            current = from.rawValue
            allowed = next.map(\.rawValue)
        case .forbidden(let missing):
            permission = missing.rawValue
        case .resourceOccupied(let id, let name, let visits):
            (resource_id, resource_name) = (id.text, name)
            checkin_ids = visits.map(\.checkinID.text)
            booking_numbers = Array(Set(visits.compactMap(\.bookingNumber))).sorted()
        case .tooEarly(let lineID, let opensAt):
            (line_id, opens_at) = (lineID.text, InstantFormat.string(from: opensAt))
        case .tooManyAttempts(let seconds):
            retry_after = seconds
        case .scanDebounced(let checkinID, _):
            checkin_ids = [checkinID.text]
        case .alreadyInside(_, let visits):
            checkin_ids = visits.map(\.text)
        default:
            break
        }
    }

    /// The problem for a failure that is not a rule: the server's fault, told without internals.
    static let internalError = Problem(
        type: "https://frontdesk.dev/problems/internal-error", title: "Internal server error", status: 500,
        detail: "The server failed to handle the request; it has been logged.", code: "internal_error")

    /// The database could not be reached (`StoreUnavailable`): retry later; sent with `Retry-After`.
    static let databaseUnavailable = status(
        503, code: "database_unavailable", title: "Database unavailable",
        detail: "The database cannot be reached right now; the request may not have been carried out. "
            + "Retry it (with the same Idempotency-Key, for a write) in a moment.")

    static func status(_ status: Int, code: String, title: String, detail: String) -> Problem {
        Problem(type: "https://frontdesk.dev/problems/" + code.replacingOccurrences(of: "_", with: "-"),
                title: title, status: status, detail: detail, code: code)
    }

    /// A method the route does not take; `allowed` lists those it does (as `Allow` does).
    static func methodNotAllowed(_ allowed: [String]) -> Problem {
        var problem = status(405, code: "method_not_allowed", title: "Method not allowed",
                             detail: "This route accepts \(allowed.joined(separator: ", ")).")
        problem.allowed = allowed
        return problem
    }

    private init(type: String, title: String, status: Int, detail: String, code: String) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.code = code
    }

    var json: Data { DomainJSON.encode(self) }
}
