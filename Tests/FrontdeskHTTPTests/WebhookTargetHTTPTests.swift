import Foundation
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// A webhook cannot be written to reach loopback or a private network, however its address is spelled.
@Suite struct WebhookTargetHTTPTests {
    static let hostile = [
        "http://[::ffff:7f00:1]:9000/x", "http://[0:0:0:0:0:0:0:1]:9000/", "http://[0::1]:9000/", "http://[::ffff:127.0.0.1]/",
        "http://[::127.0.0.1]/", "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/", "http://2130706433/",
        "http://0x7f000001/", "http://017700000001/", "http://127.1/", "http://127.0.0.1./", "http://localhost./",
        "http://LOCALHOST:9000/", "http://api.localhost/", "http://0/", "http://[::]/", "http://167772161/",
        "http://0xa9fea9fe/latest", "http://[fe80::1]/", "http://[fd00::1]/", "http://[fec0::1]/", "http://100.64.0.1/",
        "http://192.0.0.170/", "http://198.18.0.1/",
    ]

    @Test(arguments: Backend.enabled)
    func hostileURLsAreRefusedWhenWrittenAndNothingIsStored(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let base: [String: Any] = ["trigger": "checkin_started", "type": "webhook", "scope": "organization"]
            for url in Self.hostile {
                let created = try await client.post("/api/v1/actions", base.merging(["url": url]) { _, new in new })
                #expect(created.status == 422 && created.code == "validation_failed", "\(url)")
                #expect(created.text.contains("private or loopback"), "\(url)")
            }
            for url in ["http://1.2.3.4.5/", "http://[fe80::1%25eth0]/", "http://example.123/", "http://[1::2::3]/"] {
                let created = try await client.post("/api/v1/actions", base.merging(["url": url]) { _, new in new })
                #expect(created.status == 422 && created.text.contains("valid host"), "\(url)")
            }
            #expect(try await client.get("/api/v1/actions").items.isEmpty)
            #expect(try await client.get("/api/v1/webhook-deliveries").items.isEmpty)

            // Changing a webhook's url is checked the same way; the action keeps its url.
            let hook = try await client.post("/api/v1/actions", base.merging(["url": "https://hooks.example.com/x"]) { _, new in new })
            #expect(hook.status == 201)
            for url in Self.hostile {
                let changed = try await client.patch("/api/v1/actions/\(hook.id)", ["url": url])
                #expect(changed.status == 422 && changed.code == "validation_failed", "\(url)")
            }
            #expect(try await client.get("/api/v1/actions/\(hook.id)")["url"] as? String == "https://hooks.example.com/x")
        }
    }
}
