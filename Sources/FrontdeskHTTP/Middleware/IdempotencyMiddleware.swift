import Crypto
import Foundation
import FrontdeskCore
import FrontdeskEngine
import Hummingbird
import NIOCore
import HTTPTypes

/// `Idempotency-Key` on POST: the first request runs and its response (status, headers and body)
/// is kept; a retry with the same key and the same request replays it; the same key with another
/// request is 422 `idempotency_key_reused`. Keys are per caller: another caller's request with
/// the same key and body runs as its own (its permissions checked as for any request), and never
/// sees the first caller's answer.
struct IdempotencyMiddleware<Context: RequestContext>: RouterMiddleware {
    let store: any FrontdeskStore
    let clock: @Sendable () -> Date

    static var header: HTTPField.Name { HTTPField.Name("Idempotency-Key")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post, let key = request.headers[Self.header], let caller = RequestCaller.current else {
            return try await next(request, context)
        }
        guard (1...255).contains(key.count) else {
            throw FrontdeskError.validationFailed([FieldIssue("Idempotency-Key", "must be 1 to 255 characters")])
        }
        var request = request
        let body = try await request.collectBody(upTo: RequestBodyMiddleware<Context>.limit)
        var hasher = SHA256()
        hasher.update(data: Data("\(request.method) \(request.uri.path)\n".utf8))
        hasher.update(data: Self.canonical(Data(body.readableBytesView)))
        let fingerprint = hasher.finalize().map { String(format: "%02x", $0) }.joined()

        let scope = caller.idempotencyScope
        switch try await store.claimIdempotencyKey(scope, key: key, fingerprint: fingerprint, now: clock()) {
        case .replay(let stored):
            var headers: HTTPFields = [.contentType: stored.contentType]
            for header in stored.headers {
                if let name = HTTPField.Name(header.name) { headers.append(HTTPField(name: name, value: header.value)) }
            }
            headers[HTTPField.Name("Idempotent-Replayed")!] = "true"
            return Response(status: .init(code: stored.status), headers: headers,
                            body: .init(byteBuffer: ByteBuffer(bytes: stored.body)))
        case .mismatch:
            throw FrontdeskError.idempotencyKeyReused
        case .inProgress:
            throw FrontdeskError.idempotencyKeyInUse
        case .claimed:
            break
        }

        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            // Rule failures are answers too: keep them so a retry gets the same one.
            let problem = ProblemMiddleware<Context>.problem(for: error)
            guard problem.status < 500 else {
                try? await store.releaseIdempotencyKey(scope, key: key)
                throw error
            }
            try await store.recordIdempotentResponse(
                scope, key: key,
                response: StoredResponse(status: problem.status, contentType: Problem.contentType, body: problem.json))
            return ProblemMiddleware<Context>.response(problem)
        }
        guard response.status.code < 500 else {
            try? await store.releaseIdempotencyKey(scope, key: key)
            return response
        }
        var collector = CollectingWriter()
        try await response.body.write(collector.reference)
        let bytes = collector.bytes
        try await store.recordIdempotentResponse(
            scope, key: key,
            response: StoredResponse(status: Int(response.status.code),
                                     contentType: response.headers[.contentType] ?? "application/json",
                                     headers: Self.kept(response.headers), body: bytes))
        var replay = response
        replay.body = .init(byteBuffer: ByteBuffer(bytes: bytes))
        return replay
    }
}

extension IdempotencyMiddleware {
    /// The headers a replay repeats: all the handler set but those of this one transfer.
    static func kept(_ headers: HTTPFields) -> [StoredResponse.Header] {
        let perTransfer: Set<HTTPField.Name> = [.contentType, .contentLength, .date, .server, .connection, .transferEncoding]
        return headers.filter { !perTransfer.contains($0.name) }.map { StoredResponse.Header($0.name.rawName, $0.value) }
    }

    /// The same JSON written with its keys in another order, or other spacing, is the same request.
    static func canonical(_ body: Data) -> Data {
        guard let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
        else { return body }
        return data
    }
}

/// Gathers a response body in memory so it can be kept and sent.
struct CollectingWriter {
    final class Buffer: @unchecked Sendable {
        var data = Data()
    }

    struct Writer: ResponseBodyWriter {
        let buffer: Buffer
        mutating func write(_ bytes: ByteBuffer) async throws { buffer.data.append(contentsOf: bytes.readableBytesView) }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    private let buffer = Buffer()
    var reference: Writer { Writer(buffer: buffer) }
    var bytes: Data { buffer.data }
}
