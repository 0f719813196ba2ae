import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// The idempotency table behind `Idempotency-Key`.
@Suite("Idempotency")
struct IdempotencyConformanceTests {
    static let response = StoredResponse(status: 201, contentType: "application/json",
                                         headers: [.init("ETag", "\"1\""), .init("Location", "/api/v1/bookings/1"),
                                                   .init("X-Twice", "a"), .init("X-Twice", "b")],
                                         body: Data([0x7B, 0x7D, 0x00, 0xFF, 0x0A]))

    static func scope(_ organizationID: UUID = Organization.defaultID, caller: String = "api_key:owner") -> IdempotencyScope {
        IdempotencyScope(organizationID: organizationID, caller: caller)
    }

    @Test(arguments: Backend.enabled)
    func claimReplayMismatchAndInProgress(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let org = Self.scope()
            let store = f.store
            #expect(try await store.claimIdempotencyKey(org, key: "k1", fingerprint: "POST /bookings #1", now: f.now) == .claimed)
            #expect(try await store.claimIdempotencyKey(org, key: "k1", fingerprint: "POST /bookings #1", now: f.now) == .inProgress)
            #expect(try await store.claimIdempotencyKey(org, key: "k1", fingerprint: "POST /bookings #2", now: f.now) == .mismatch)

            try await store.recordIdempotentResponse(org, key: "k1", response: Self.response)
            #expect(try await store.claimIdempotencyKey(org, key: "k1", fingerprint: "POST /bookings #1", now: f.now)
                    == .replay(Self.response))
            #expect(try await store.claimIdempotencyKey(org, key: "k1", fingerprint: "POST /bookings #2", now: f.now) == .mismatch)

            // Releasing forgets only a claim that never answered.
            try await store.releaseIdempotencyKey(org, key: "k1")
            #expect(try await store.claimIdempotencyKey(org, key: "k1", fingerprint: "POST /bookings #1", now: f.now)
                    == .replay(Self.response))
        }
    }

    @Test(arguments: Backend.enabled)
    func releasedClaimRunsAgain(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let org = Self.scope()
            #expect(try await f.store.claimIdempotencyKey(org, key: "k2", fingerprint: "a", now: f.now) == .claimed)
            try await f.store.releaseIdempotencyKey(org, key: "k2")
            #expect(try await f.store.claimIdempotencyKey(org, key: "k2", fingerprint: "b", now: f.now) == .claimed)
            #expect(try await f.store.claimIdempotencyKey(org, key: "k2", fingerprint: "b", now: f.now) == .inProgress)
            // Releasing a key nobody claimed is harmless.
            try await f.store.releaseIdempotencyKey(org, key: "never")
        }
    }

    @Test(arguments: Backend.enabled)
    func keysBelongToOneOrganization(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let b = Self.scope(try await f.makeOrganization().organizationID)
            let org = Self.scope()
            #expect(try await f.store.claimIdempotencyKey(org, key: "shared", fingerprint: "a", now: f.now) == .claimed)
            #expect(try await f.store.claimIdempotencyKey(b, key: "shared", fingerprint: "b", now: f.now) == .claimed)
            try await f.store.recordIdempotentResponse(b, key: "shared", response: Self.response)
            #expect(try await f.store.claimIdempotencyKey(org, key: "shared", fingerprint: "a", now: f.now) == .inProgress)
            #expect(try await f.store.claimIdempotencyKey(b, key: "shared", fingerprint: "b", now: f.now)
                    == .replay(Self.response))
            try await f.store.releaseIdempotencyKey(b, key: "shared")
            try await f.store.releaseIdempotencyKey(org, key: "shared")
            #expect(try await f.store.claimIdempotencyKey(org, key: "shared", fingerprint: "c", now: f.now) == .claimed)
            #expect(try await f.store.claimIdempotencyKey(b, key: "shared", fingerprint: "b", now: f.now)
                    == .replay(Self.response))
        }
    }

    @Test(arguments: Backend.enabled)
    func concurrentClaimsLetOneRequestRun(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let store = f.store, now = f.now
            let claims = try await withThrowingTaskGroup(of: IdempotencyClaim.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        try await store.claimIdempotencyKey(Self.scope(), key: "race", fingerprint: "same", now: now)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(claims.filter { $0 == .claimed }.count == 1)
            #expect(claims.filter { $0 == .inProgress }.count == 15)
        }
    }

    @Test(arguments: Backend.enabled)
    func keysBelongToOneCaller(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let owner = Self.scope(caller: "api_key:owner"), viewer = Self.scope(caller: "api_key:viewer")
            #expect(try await f.store.claimIdempotencyKey(owner, key: "same", fingerprint: "a", now: f.now) == .claimed)
            try await f.store.recordIdempotentResponse(owner, key: "same", response: Self.response)
            // The same key and request from another caller is a claim of its own, not a replay.
            #expect(try await f.store.claimIdempotencyKey(viewer, key: "same", fingerprint: "a", now: f.now) == .claimed)
            #expect(try await f.store.claimIdempotencyKey(viewer, key: "same", fingerprint: "a", now: f.now) == .inProgress)
            try await f.store.releaseIdempotencyKey(viewer, key: "same")
            #expect(try await f.store.claimIdempotencyKey(owner, key: "same", fingerprint: "a", now: f.now)
                    == .replay(Self.response))
        }
    }
}
