import Foundation
import FrontdeskCore

/// The answers to requests sent with an `Idempotency-Key`, per caller.
public protocol IdempotencyStore: Sendable {
    func claimIdempotencyKey(
        _ scope: IdempotencyScope, key: String, fingerprint: String, now: Date
    ) async throws -> IdempotencyClaim
    func recordIdempotentResponse(_ scope: IdempotencyScope, key: String, response: StoredResponse) async throws
    /// Forgets a claim whose request failed before it could answer, so a retry runs again.
    func releaseIdempotencyKey(_ scope: IdempotencyScope, key: String) async throws
}

/// The answer of the idempotency table to a POST that carries an `Idempotency-Key`.
public enum IdempotencyClaim: Sendable, Equatable {
    /// First time: run the request, then record its response.
    case claimed
    /// Seen before with the same request: replay this response.
    case replay(StoredResponse)
    /// Seen before with another request.
    case mismatch
    /// Seen before, and that request has not finished yet.
    case inProgress
}

/// Whose `Idempotency-Key` it is: a key names a request of one caller in one organization, so
/// another caller sending the same key makes a fresh request of its own (checked for its own
/// permissions), never a replay of someone else's answer.
public struct IdempotencyScope: Sendable, Hashable {
    public var organizationID: UUID
    /// The caller as the audit names it (`api_key:<id>`, `system:system`, later a person).
    public var caller: String

    public init(organizationID: UUID, caller: String) {
        self.organizationID = organizationID
        self.caller = caller
    }
}

/// The first answer to an idempotent request, kept to be sent again whole: status, headers
/// (`ETag`, `Location` …) and body.
public struct StoredResponse: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var headers: [Header]
    public var body: Data

    public struct Header: Sendable, Hashable, Codable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(status: Int, contentType: String, headers: [Header] = [], body: Data) {
        self.status = status
        self.contentType = contentType
        self.headers = headers
        self.body = body
    }

    /// The headers as the stores keep them: a JSON array of `{name, value}`.
    public var headersJSON: String {
        String(decoding: (try? JSONEncoder().encode(headers)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// Headers read back from `headersJSON`; a row written before headers were kept has none.
    public static func headers(fromJSON text: String?) throws -> [Header] {
        guard let text else { return [] }
        return try JSONDecoder().decode([Header].self, from: Data(text.utf8))
    }
}
