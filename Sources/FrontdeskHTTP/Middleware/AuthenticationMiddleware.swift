import Crypto
import Foundation
import FrontdeskCore
import FrontdeskEngine
import HTTPTypes
import Hummingbird

/// Resolves who calls everything under `/api/`: `Authorization: Bearer` with the platform key from
/// `FRONTDESK_MASTER_KEY`, a stored key (looked up by hash) or a person's session token (`fds_…`),
/// or, without the header, the web desk's `frontdesk_session` cookie. Health, metrics, the spec,
/// signing in and accepting an invitation are public.
///
/// A write with the cookie must come from the desk's own pages: a browser says where a request
/// comes from (`Sec-Fetch-Site`, `Origin`), and one another site sent is `403 cross_site_request`
/// (the cookie is `SameSite=Strict` too). So is a sign-in another site sent, unless CORS allows
/// that site (`FRONTDESK_CORS_ORIGINS`): a page elsewhere cannot sign a browser in to an account of
/// its choosing.
///
/// The live streams also take the key as `?access_token=`, and only them: a browser's
/// `EventSource` and `WebSocket` cannot send an `Authorization` header.
struct AuthenticationMiddleware<Context: RequestContext>: RouterMiddleware {
    let frontdesk: Frontdesk
    /// The platform key's digest, taken once: each request's key is compared by digest (in
    /// constant time: swift-crypto's digests compare that way).
    let masterKeyDigest: SHA256Digest?
    /// The other sites' pages that may sign in (`CrossOriginMiddleware`'s).
    let allowedOrigins: Set<String>

    init(frontdesk: Frontdesk, masterKey: String?, allowedOrigins: Set<String> = []) {
        self.frontdesk = frontdesk
        masterKeyDigest = masterKey.map { SHA256.hash(data: Data($0.utf8)) }
        self.allowedOrigins = allowedOrigins
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        if request.method == .post, publicPaths.contains(request.uri.path) {
            guard Self.isSameOrigin(request) || isAllowedOrigin(request) else { throw FrontdeskError.crossSiteRequest }
            return try await next(request, context)
        }
        let (secret, byCookie) = try Self.secret(of: request)
        if byCookie, ![.get, .head, .options].contains(request.method), !Self.isSameOrigin(request) {
            throw FrontdeskError.crossSiteRequest
        }
        let caller: Caller
        var sessionToken: String?
        if let masterKeyDigest, SHA256.hash(data: Data(secret.utf8)) == masterKeyDigest {
            caller = Frontdesk.platformCaller()
        } else if secret.hasPrefix("fds_") {
            caller = try await frontdesk.authenticate(sessionToken: secret).caller
            sessionToken = secret
        } else {
            caller = try await frontdesk.authenticate(secret: secret)
        }
        return try await RequestCaller.$current.withValue(caller) {
            try await RequestCaller.$sessionToken.withValue(sessionToken) {
                try await next(request, context)
            }
        }
    }

    /// The key or token the request presents: its bearer header, a stream's `access_token`, or the
    /// desk's cookie (then `byCookie`).
    static func secret(of request: Request) throws(FrontdeskError) -> (secret: String, byCookie: Bool) {
        if let header = request.headers[.authorization] {
            guard header.prefix(7).lowercased() == "bearer " else { throw .unauthorized }
            return (String(trimmed(header.dropFirst(7))), false)
        }
        if streamPaths.contains(request.uri.path), let token = request.uri.queryParameters.get("access_token"),
           !token.isEmpty {
            return (token, false)
        }
        guard let token = SessionCookie.token(of: request) else { throw .unauthorized }
        return (token, true)
    }

    /// Whether the request names an origin CORS lets in.
    func isAllowedOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin] else { return false }
        return allowedOrigins.contains(origin) || allowedOrigins.contains("*")
    }

    /// Whether a browser sent the request from a page of this server: what it says in
    /// `Sec-Fetch-Site`, or else the `Origin` it names against the request's own host. A request
    /// that says neither comes from no browser's page (a script, curl), which no other site steers.
    static func isSameOrigin(_ request: Request) -> Bool {
        if let site = request.headers[SessionCookie.fetchSite] { return site == "same-origin" || site == "none" }
        guard let origin = request.headers[.origin] else { return true }
        guard let host = request.head.authority else { return false }
        return origin == "http://" + host || origin == "https://" + host
    }
}

/// The live streams, which take the key as `?access_token=` too. (A generic type has no stored
/// statics: these are the file's, built once rather than for each request.)
private let streamPaths: Set<String> = ["/api/v1/events/stream", "/api/v1/events/ws"]

/// What anyone may ask: to sign in, and to accept an invitation.
private let publicPaths: Set<String> = ["/api/v1/sessions", "/api/v1/invitations/accept"]

/// The web desk's session cookie, and what a browser says of where a request comes from.
enum SessionCookie {
    static let name = "frontdesk_session"
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!

    /// The cookie carrying `token` for `maxAge` seconds (0 clears it) in the answer to `request`:
    /// sent back by the browser to this server's pages only, never readable by their scripts, and
    /// over HTTPS only when the request came so (directly, or through a proxy that says so).
    static func header(_ token: String, maxAge: Int, for request: Request) -> String {
        let secure = request.head.scheme == "https" || request.headers[forwardedProto] == "https"
        return "\(name)=\(token); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(maxAge)" + (secure ? "; Secure" : "")
    }

    private static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!

    /// The session token the request's `Cookie` headers carry.
    static func token(of request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let pair = trimmed(pair)
                if pair.hasPrefix(name + "="), pair.count > name.count + 1 { return String(pair.dropFirst(name.count + 1)) }
            }
        }
        return nil
    }
}

/// `text` without the spaces and tabs around it (Foundation's trimming bridges to NSString).
private func trimmed(_ text: Substring) -> Substring {
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else {
        return text[text.endIndex...]
    }
    return text[first...last]
}
