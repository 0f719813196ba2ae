import Foundation
import FrontdeskCore
import FrontdeskEngine

extension PostgresStore: IdempotencyStore {
    public func claimIdempotencyKey(
        _ scope: IdempotencyScope, key: String, fingerprint: String, now: Date
    ) async throws -> IdempotencyClaim {
        while true {
            // A concurrent first claim makes this insert wait for its commit, then do nothing.
            let claimed = try await query("""
                INSERT INTO idempotency_keys (organization_id, caller, key, fingerprint, status, created_at)
                VALUES (\(scope.organizationID), \(scope.caller), \(key), \(fingerprint), 'in_progress', \(now))
                ON CONFLICT (organization_id, caller, key) DO NOTHING
                RETURNING key
                """)
            if !claimed.isEmpty { return .claimed }
            // A new statement sees the claim that won. It may have been released since: claim again.
            guard let row = try await query("""
                SELECT * FROM idempotency_keys
                WHERE organization_id = \(scope.organizationID) AND caller = \(scope.caller) AND key = \(key)
                """).first else { continue }
            guard try row.value("fingerprint", as: String.self) == fingerprint else { return .mismatch }
            guard try row.value("status", as: String.self) == "completed" else { return .inProgress }
            return .replay(StoredResponse(
                status: try row.value("response_status"), contentType: try row.value("response_content_type"),
                headers: try StoredResponse.headers(fromJSON: try row.value("response_headers", as: String?.self)),
                body: try row.value("response_body")))
        }
    }

    public func recordIdempotentResponse(_ scope: IdempotencyScope, key: String, response: StoredResponse) async throws {
        _ = try await query("""
            UPDATE idempotency_keys
            SET status = 'completed', response_status = \(response.status),
                response_content_type = \(response.contentType), response_headers = \(response.headersJSON),
                response_body = \(response.body)
            WHERE organization_id = \(scope.organizationID) AND caller = \(scope.caller) AND key = \(key)
            """)
    }

    public func releaseIdempotencyKey(_ scope: IdempotencyScope, key: String) async throws {
        _ = try await query("""
            DELETE FROM idempotency_keys
            WHERE organization_id = \(scope.organizationID) AND caller = \(scope.caller) AND key = \(key)
              AND status = 'in_progress'
            """)
    }
}
