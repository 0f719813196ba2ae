import Foundation

/// Every expected failure of a Frontdesk operation, each with a stable `code`.
/// The HTTP layer turns these into RFC 9457 problems; the status is part of the contract.
public enum FrontdeskError: Error, Sendable, Equatable {
    /// Input that breaks a rule: the fields and what is wrong with each.
    case validationFailed([FieldIssue])
    /// Input that cannot be read at all (malformed JSON, an id that is not an id).
    case malformedRequest(String)
    case notFound(entity: String, id: String)
    case bookingConflict([BookingConflict])
    case invalidTransition(from: BookingStatus, to: BookingStatus, allowed: [BookingStatus])
    /// A rule about the current state that forbids the change (a resource still booked, …).
    case conflict(code: String, detail: String)
    /// A visit cannot begin in a resource that holds as many visits in progress as its capacity.
    case resourceOccupied(resourceID: UUID, resourceName: String, visits: [Visit])
    /// A member already has as many visits in progress in the location as their type allows
    /// (`OpenVisits`): `duplicate_checkin`, naming them.
    case alreadyInside(memberID: UUID, visits: [UUID])
    /// A booking line cannot be checked in before its first local day: it opens at `opensAt`.
    case tooEarly(lineID: UUID, opensAt: Date)
    case preconditionFailed(expected: String, actual: Int)
    /// Input that is well formed but that the state of what it names refuses (an inactive member).
    case unprocessable(code: String, detail: String)
    /// A scanned code that no member holds now (unknown, expired, or its member deleted).
    case codeNotFound
    /// The same member scanned again at the same place before `until`: nothing changed.
    case scanDebounced(checkinID: UUID, until: Date)
    case unauthorized
    /// A sign-in with a wrong email or password (the same answer for both).
    case invalidCredentials
    /// Too many wrong passwords for the account or from the address: try again in `retryAfter` seconds.
    case tooManyAttempts(retryAfter: Int)
    case forbidden(missing: Permission)
    /// A write with the web desk's cookie that a page of another site sent.
    case crossSiteRequest
    case idempotencyKeyReused
    case idempotencyKeyInUse
    case payloadTooLarge(limit: Int)

    /// A refusal by a plugin's before-hook: `409 vetoed`, with `reason` as its detail.
    public static func vetoed(_ reason: String) -> FrontdeskError {
        .conflict(code: "vetoed", detail: reason)
    }

    public var code: String {
        switch self {
        case .validationFailed: "validation_failed"
        case .malformedRequest: "malformed_request"
        case .notFound: "not_found"
        case .bookingConflict: "booking_conflict"
        case .invalidTransition: "invalid_transition"
        case .conflict(let code, _): code
        case .resourceOccupied: "resource_occupied"
        case .alreadyInside: "duplicate_checkin"
        case .tooEarly: "too_early"
        case .preconditionFailed: "precondition_failed"
        case .unprocessable(let code, _): code
        case .codeNotFound: "code_not_found"
        case .scanDebounced: "scan_debounced"
        case .unauthorized: "unauthorized"
        case .invalidCredentials: "invalid_credentials"
        case .tooManyAttempts: "too_many_attempts"
        case .forbidden: "forbidden"
        case .crossSiteRequest: "cross_site_request"
        case .idempotencyKeyReused: "idempotency_key_reused"
        case .idempotencyKeyInUse: "idempotency_key_in_use"
        case .payloadTooLarge: "payload_too_large"
        }
    }

    public var status: Int {
        switch self {
        case .validationFailed, .idempotencyKeyReused, .unprocessable: 422
        case .malformedRequest: 400
        case .notFound, .codeNotFound: 404
        case .bookingConflict, .invalidTransition, .conflict, .resourceOccupied, .alreadyInside, .tooEarly,
             .idempotencyKeyInUse: 409
        case .preconditionFailed: 412
        case .unauthorized, .invalidCredentials: 401
        case .forbidden, .crossSiteRequest: 403
        case .payloadTooLarge: 413
        case .scanDebounced, .tooManyAttempts: 429
        }
    }

    public var title: String {
        switch self {
        case .validationFailed: "The request breaks a validation rule"
        case .malformedRequest: "The request could not be read"
        case .notFound: "Not found"
        case .bookingConflict: "A resource is already booked for that window"
        case .invalidTransition: "That status change is not allowed"
        case .conflict: "The current state does not allow this"
        case .resourceOccupied: "The resource is occupied"
        case .alreadyInside: "The member is already checked in here"
        case .tooEarly: "Too early to check in"
        case .preconditionFailed: "The resource has changed since you read it"
        case .unprocessable: "The request cannot be carried out for what it names"
        case .codeNotFound: "No member holds this code"
        case .scanDebounced: "Scanned again too soon"
        case .unauthorized: "Authentication required"
        case .invalidCredentials: "Wrong email or password"
        case .tooManyAttempts: "Too many attempts"
        case .forbidden: "Permission denied"
        case .crossSiteRequest: "Cross-site request refused"
        case .idempotencyKeyReused: "Idempotency-Key reused with another request"
        case .idempotencyKeyInUse: "A request with this Idempotency-Key is still running"
        case .payloadTooLarge: "The request body is too large"
        }
    }

    public var detail: String {
        switch self {
        case .validationFailed(let issues):
            issues.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        case .malformedRequest(let why): why
        case .notFound(let entity, let id): "No \(entity) with id \(id)."
        case .bookingConflict(let conflicts):
            "Conflicting bookings: " + conflicts.map { conflict in
                (conflict.resourceName.map { "\($0) " } ?? "") + "(\(conflict.resourceID.text)) held by "
                    + conflict.bookingNumbers.joined(separator: ", ")
            }.joined(separator: "; ")
        case .invalidTransition(let from, let to, let allowed):
            "A \(from.rawValue) booking cannot become \(to.rawValue); allowed: "
                + (allowed.isEmpty ? "none" : allowed.map(\.rawValue).joined(separator: ", ")) + "."
        case .conflict(_, let detail): detail
        case .resourceOccupied(let id, let name, let visits):
            "\(name) (\(id.text)) is occupied by " + visits.map { visit in
                "checkin \(visit.checkinID.text)" + (visit.bookingNumber.map { " of booking \($0)" } ?? "")
            }.joined(separator: ", ") + ": check that visit out first."
        case .alreadyInside(let memberID, let visits):
            "Member \(memberID.text) is already checked in at this location ("
                + visits.map { "checkin \($0.text)" }.joined(separator: ", ") + "): check that visit out first."
        case .tooEarly(let lineID, let opensAt):
            "Line \(lineID.text) can be checked in from \(InstantFormat.string(from: opensAt)), the start of its first day."
        case .preconditionFailed(let expected, let actual):
            "If-Match was \(expected) but the current version is \(actual)."
        case .unprocessable(_, let detail): detail
        case .codeNotFound: "No member holds this code, or it has expired."
        case .scanDebounced(let checkinID, let until):
            "Checkin \(checkinID.text) was stamped moments ago; scans until \(InstantFormat.string(from: until)) change nothing."
        case .unauthorized: "Send `Authorization: Bearer <key>` with a valid API key or session token, or sign in."
        case .invalidCredentials: "The email and password do not match a user."
        case .tooManyAttempts(let seconds): "Too many wrong passwords: try again in \(seconds) seconds."
        case .forbidden(let missing): "This key lacks the permission \(missing.rawValue)."
        case .crossSiteRequest: "A write with the desk's session cookie must come from the desk's own pages."
        case .idempotencyKeyReused: "This Idempotency-Key was first used with a different request body or path."
        case .idempotencyKeyInUse: "Retry once the first request with this Idempotency-Key has finished."
        case .payloadTooLarge(let limit): "Request bodies are limited to \(limit) bytes."
        }
    }
}

/// One failing field of a request, for `validation_failed`.
public struct FieldIssue: Sendable, Equatable, Codable {
    public var field: String
    public var message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

/// A resource that cannot be booked for a window, by id and name, with the bookings in the way.
public struct BookingConflict: Sendable, Equatable, Codable {
    public var resourceID: UUID
    /// Nil only when PostgreSQL's exclusion constraint, the backstop under the planner, caught a race.
    public var resourceName: String?
    public var bookingNumbers: [String]

    public init(resourceID: UUID, resourceName: String?, bookingNumbers: [String]) {
        self.resourceID = resourceID
        self.resourceName = resourceName
        self.bookingNumbers = bookingNumbers
    }
}
