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
    let masterKey: String?

    static var streamPaths: Set<String> { ["/api/v1/events/stream", "/api/v1/events/ws"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        let secret = try Self.secret(of: request)
        let caller: Caller
        if let masterKey, Self.constantTimeEqual(secret, masterKey) {
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
            guard header.lowercased().hasPrefix("bearer ") else { throw .unauthorized }
            return header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        }
        guard streamPaths.contains(request.uri.path), let token = request.uri.queryParameters.get("access_token"),
              !token.isEmpty else { throw .unauthorized }
        return token
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        Data(SHA256.hash(data: Data(a.utf8))) == Data(SHA256.hash(data: Data(b.utf8)))
    }
}
