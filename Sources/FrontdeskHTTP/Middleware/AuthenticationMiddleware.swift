import Crypto
import Foundation
import FrontdeskCore
import FrontdeskEngine
import Hummingbird

/// Resolves `Authorization: Bearer <key>` for everything under `/api/`: the platform key from
/// `FRONTDESK_MASTER_KEY`, or a stored key (looked up by hash). Health, metrics and the spec are public.
///
/// The live streams also take the key as `?access_token=`, and only them: a browser's
/// `EventSource` and `WebSocket` cannot send an `Authorization` header.
struct AuthenticationMiddleware<Context: RequestContext>: RouterMiddleware {
    let frontdesk: Frontdesk
    /// The platform key's digest, taken once: each request's key is compared by digest (in
    /// constant time: swift-crypto's digests compare that way).
    let masterKeyDigest: SHA256Digest?

    init(frontdesk: Frontdesk, masterKey: String?) {
        self.frontdesk = frontdesk
        masterKeyDigest = masterKey.map { SHA256.hash(data: Data($0.utf8)) }
    }

    static var streamPaths: Set<String> { ["/api/v1/events/stream", "/api/v1/events/ws"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        let secret = try Self.secret(of: request)
        let caller: Caller
        if let masterKeyDigest, SHA256.hash(data: Data(secret.utf8)) == masterKeyDigest {
            caller = Frontdesk.platformCaller()
        } else {
            caller = try await frontdesk.authenticate(secret: secret)
        }
        return try await RequestCaller.$current.withValue(caller) {
            try await next(request, context)
        }
    }

    /// The key the request presents: its bearer header, or a stream's `access_token`.
    static func secret(of request: Request) throws(FrontdeskError) -> String {
        if let header = request.headers[.authorization] {
            guard header.prefix(7).lowercased() == "bearer " else { throw .unauthorized }
            return String(trimmed(header.dropFirst(7)))
        }
        guard streamPaths.contains(request.uri.path), let token = request.uri.queryParameters.get("access_token"),
              !token.isEmpty else { throw .unauthorized }
        return token
    }

    /// `text` without the spaces and tabs around it (Foundation's trimming bridges to NSString).
    private static func trimmed(_ text: Substring) -> Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else {
            return text[text.endIndex...]
        }
        return text[first...last]
    }
}
