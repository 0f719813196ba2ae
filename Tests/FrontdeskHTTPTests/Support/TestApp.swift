import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskHTTP
import FrontdeskTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// The real app, built by `buildApplication` on a fresh store of `backend` (a SQLite file, or a
/// PostgreSQL database of its own), driven through its router (or, `.live`, through a running
/// server on a free port).
struct TestApp: Sendable {
    static let masterKey = "fd_test_master_key"

    let frontdesk: Frontdesk
    let ownerKey: String

    /// Runs `body` with a client of a fresh app; the store is closed (and removed) afterwards.
    static func run(
        _ backend: Backend = .sqlite, _ setup: TestingSetup = .router, plugins: [any FrontdeskPlugin] = [],
        configure: @Sendable (inout ServerConfiguration) -> Void = { _ in },
        _ body: @Sendable (TestClient, TestApp) async throws -> Void
    ) async throws {
        try await withTestStore(backend) { test in
            let frontdesk = Frontdesk(store: test.store, allowPrivateWebhooks: false, plugins: plugins, passwordCost: 4)
            let owner = try await frontdesk.bootstrapKey(name: "owner", role: .owner)
            var configuration = ServerConfiguration(masterKey: masterKey, sweepInterval: nil, actionInterval: nil, logLevel: .error)
            configure(&configuration)
            let app = try await buildApplication(frontdesk: frontdesk, configuration: configuration)
            let testApp = TestApp(frontdesk: frontdesk, ownerKey: owner.secret)
            try await app.test(setup) { client in try await body(TestClient(client: client, key: owner.secret), testApp) }
        }
    }
}

/// A response read back as status, headers and JSON.
struct TestResponse {
    var status: Int
    var headers: HTTPFields
    var body: Data

    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    var text: String { String(decoding: body, as: UTF8.self) }
    subscript(key: String) -> Any? { json[key] }
    var id: String { json["id"] as? String ?? "" }
    var code: String? { json["code"] as? String }
    var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }
}

/// Sends JSON requests with a bearer key.
struct TestClient: Sendable {
    let client: any TestClientProtocol
    var key: String?

    func with(key: String?) -> TestClient { TestClient(client: client, key: key) }

    /// The port of a `.live` server.
    var port: Int { client.port! }

    @discardableResult
    func request(
        _ method: HTTPRequest.Method, _ path: String, json: Any? = nil, raw: String? = nil,
        headers extra: [String: String] = [:]
    ) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let key { headers[.authorization] = "Bearer \(key)" }
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
            headers[.contentType] = "application/json"
        } else if let raw {
            body = ByteBuffer(string: raw)
            headers[.contentType] = "application/json"
        }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        return try await client.execute(uri: path, method: method, headers: headers, body: body) { response in
            TestResponse(status: Int(response.status.code), headers: response.headers,
                         body: Data(response.body.readableBytesView))
        }
    }

    func get(_ path: String) async throws -> TestResponse { try await request(.get, path) }

    @discardableResult
    func post(_ path: String, _ json: Any? = nil, headers: [String: String] = [:]) async throws -> TestResponse {
        try await request(.post, path, json: json, headers: headers)
    }

    @discardableResult
    func patch(_ path: String, _ json: Any, headers: [String: String] = [:]) async throws -> TestResponse {
        try await request(.patch, path, json: json, headers: headers)
    }

    @discardableResult
    func delete(_ path: String) async throws -> TestResponse { try await request(.delete, path) }
}
