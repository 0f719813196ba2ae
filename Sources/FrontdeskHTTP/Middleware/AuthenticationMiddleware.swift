import Crypto
import Foundation
import FrontdeskCore
import FrontdeskEngine
import Hummingbird

/// Resolves `Authorization: Bearer <key>` for everything under `/api/`: the platform key from
/// `FRONTDESK_MASTER_KEY`, or a stored key (looked up by hash). Health, metrics and the spec are public.
struct AuthenticationMiddleware<Context: RequestContext>: RouterMiddleware {
    let frontdesk: Frontdesk
    let masterKey: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw FrontdeskError.unauthorized
        }
        let secret = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
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

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        Data(SHA256.hash(data: Data(a.utf8))) == Data(SHA256.hash(data: Data(b.utf8)))
    }
}
