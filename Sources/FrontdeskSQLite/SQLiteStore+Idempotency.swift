import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore: IdempotencyStore {
    public func claimIdempotencyKey(
        _ scope: IdempotencyScope, key: String, fingerprint: String, now: Date
    ) async throws -> IdempotencyClaim {
        try await write { db in
            let existing = try db.cachedRow(sql: """
                SELECT * FROM idempotency_keys WHERE organization_id = ? AND caller = ? AND key = ?
                """, arguments: [scope.organizationID.text, scope.caller, key]) { row -> IdempotencyClaim in
                guard row["fingerprint"] == fingerprint else { return .mismatch }
                guard let status: Int = row["response_status"] else { return .inProgress }
                return .replay(StoredResponse(status: status, contentType: row["response_content_type"],
                                              headers: try StoredResponse.headers(fromJSON: row["response_headers"]),
                                              body: row["response_body"]))
            }
            if let existing { return existing }
            try db.cachedExecute(sql: """
                INSERT INTO idempotency_keys (organization_id, caller, key, fingerprint, created_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [scope.organizationID.text, scope.caller, key, fingerprint, now.millis])
            return .claimed
        }
    }

    public func recordIdempotentResponse(_ scope: IdempotencyScope, key: String, response: StoredResponse) async throws {
        try await write { db in
            try db.cachedExecute(sql: """
                UPDATE idempotency_keys
                SET response_status = ?, response_content_type = ?, response_headers = ?, response_body = ?
                WHERE organization_id = ? AND caller = ? AND key = ?
                """, arguments: [response.status, response.contentType, response.headersJSON, response.body,
                                 scope.organizationID.text, scope.caller, key])
        }
    }

    public func releaseIdempotencyKey(_ scope: IdempotencyScope, key: String) async throws {
        try await write { db in
            try db.cachedExecute(sql: """
                DELETE FROM idempotency_keys
                WHERE organization_id = ? AND caller = ? AND key = ? AND response_status IS NULL
                """, arguments: [scope.organizationID.text, scope.caller, key])
        }
    }
}
