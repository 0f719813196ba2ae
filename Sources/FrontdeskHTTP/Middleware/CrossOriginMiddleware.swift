import Hummingbird
import HTTPTypes

/// CORS for browser clients served from other origins (`FRONTDESK_CORS_ORIGINS`): a request whose
/// `Origin` is allowed gets `Access-Control-Allow-Origin` with that origin (and `Vary: Origin`) on
/// every answer, problems included, so the page can read them; a preflight (`OPTIONS` with
/// `Access-Control-Request-Method`) from it is answered `204` with the methods and headers the API
/// takes. Other origins get no CORS header, so the browser keeps their pages out. With no origin
/// allowed (the default) every request passes through untouched.
struct CrossOriginMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Exact origins (`https://desk.example.com`), or `*` for any.
    let allowedOrigins: Set<String>

    static var allowMethods: String { "GET, HEAD, POST, PUT, PATCH, DELETE" }
    static var allowHeaders: String { "Authorization, Content-Type, Idempotency-Key, If-Match, Last-Event-ID" }
    static var exposeHeaders: String { "ETag, Allow, Idempotent-Replayed" }
    /// How long a browser may keep a preflight's answer (10 minutes).
    static var maxAge: String { "600" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !allowedOrigins.isEmpty, let origin = request.headers[.origin],
              allowedOrigins.contains(origin) || allowedOrigins.contains("*") else {
            return try await next(request, context)
        }
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            return Response(status: .noContent, headers: [
                .accessControlAllowOrigin: origin, .vary: "Origin",
                .accessControlAllowMethods: Self.allowMethods, .accessControlAllowHeaders: Self.allowHeaders,
                .accessControlMaxAge: Self.maxAge,
            ])
        }
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.accessControlExposeHeaders] = Self.exposeHeaders
        response.headers.append(HTTPField(name: .vary, value: "Origin"))
        return response
    }
}
