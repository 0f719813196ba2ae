import Foundation
import FrontdeskAPI
import FrontdeskTestSupport
import HTTPTypes
import Testing

/// Tests that fail when the served API drifts from `openapi.yaml`, its contract: an operation not
/// served, an error code not listed, a booking told one way in its answer and another in its event
/// or audit entry.
@Suite("Contract guards")
struct ContractGuardHTTPTests {
    static let spec = String(decoding: OpenAPIDocument.yaml, as: UTF8.self)

    /// Each operation of the spec: its method, path template and `operationId`, read from the
    /// two-space path keys of `paths` and the four-space operation keys under each.
    static var operations: [(method: HTTPRequest.Method, path: String, id: String)] {
        var operations: [(HTTPRequest.Method, String, String)] = []
        var (inPaths, path, method) = (false, "", HTTPRequest.Method?.none)
        for line in spec.split(separator: "\n") {
            if !line.hasPrefix(" ") { inPaths = line.hasPrefix("paths:") }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                method = HTTPRequest.Method(String(line.dropFirst(4).dropLast()).uppercased())
            } else if let method, line.hasPrefix("      operationId: ") {
                operations.append((method, path, String(line.dropFirst("      operationId: ".count))))
            }
        }
        return operations
    }

    /// A request of every operation's method and path (ids filled with a UUID) reaches a handler: no
    /// router's `404 No such route.` nor `405`, as an operation dropped by the generator's filter
    /// (`openapi-generator-config.yaml`) without a hand-written route would answer. The live
    /// stream is left out: it answers by never ending.
    @Test func everyOperationOfTheSpecIsServed() async throws {
        let operations = Self.operations.filter { $0.id != "streamEvents" }
        #expect(operations.count > 50)
        try await TestApp.run { client, _ in
            for (method, template, id) in operations {
                let path = template.replacingOccurrences(of: #"\{[a-z_]+\}"#, with: UUID().uuidString.lowercased(),
                                                         options: .regularExpression)
                let body: Any? = method == .post || method == .patch ? [String: Any]() : nil
                let response = try await client.request(method, path, json: body)
                let unrouted = response.status == 405
                    || (response.status == 404 && response["detail"] as? String == "No such route.")
                #expect(!unrouted, "\(id) (\(method) \(template)) is not served: \(response.status)")
            }
        }
    }

    /// Every `code` the server can put in a problem is in the spec's table of codes: those of
    /// `FrontdeskError.code`, and every `code: "…"` written in the sources (conflicts, the HTTP
    /// layer's `not_found`, `method_not_allowed`, `bad_request`, `internal_error`).
    @Test func everyErrorCodeTheServerSendsIsListedInTheSpec() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        var sent: Set<String> = []
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            sent.formUnion(Self.matches(of: #"code: "([a-z_]+)""#, in: text))
            if file.lastPathComponent == "FrontdeskError.swift" {
                let start = try #require(text.range(of: "public var code: String {"))
                let end = try #require(text.range(of: "\n    }", range: start.upperBound..<text.endIndex))
                sent.formUnion(Self.matches(of: #""([a-z_]+)""#, in: String(text[start.upperBound..<end.lowerBound])))
            }
        }
        #expect(sent.isSuperset(of: ["validation_failed", "not_found", "method_not_allowed", "internal_error", "vetoed"]))
        let listed = Self.matches(of: #"\n        \| `([a-z_]+)` \| [0-9x]{3}"#, in: Self.spec)
        #expect(sent.subtracting(listed).isEmpty, "codes the server sends that openapi.yaml does not list: \(sent.subtracting(listed).sorted())")
    }

    private static func matches(of pattern: String, in text: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: pattern)
        return Set(regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        })
    }

    /// A booking's JSON is one: the `201` answer of its creation (written by the hot route's own
    /// writer), the `data` of its `booking_created` event and the `after` of its audit entry.
    @Test(arguments: Backend.enabled)
    func aBookingReadsTheSameInItsAnswerItsEventAndItsAudit(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let created = try await catalog.book(client, extra: ["notes": "late arrival", "source": "phone"])
            try #require(created.status == 201)
            let answer = created.json as NSDictionary

            let events = try await client.get("/api/v1/events")
            let event = try #require(events.items.first { $0["type"] as? String == "booking_created" })
            #expect(event["entity_id"] as? String == created.id)
            #expect((event["data"] as? NSDictionary) == answer)

            let audit = try await client.get("/api/v1/bookings/\(created.id)/audit")
            let entry = try #require(audit.items.first)
            #expect(entry["action"] as? String == "create")
            #expect((entry["after"] as? NSDictionary) == answer)
        }
    }
}
