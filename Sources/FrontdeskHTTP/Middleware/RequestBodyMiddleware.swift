import FrontdeskCore
import HTTPTypes
import Hummingbird
import NIOCore

/// Reads request bodies into memory up to 1 MiB (a larger one is a 413 before any handler runs)
/// and reads an empty POST body as `{}`, so a desk button needs no body at all and a create
/// without one is told which fields are missing. A PATCH says what to change: without a body it
/// is a 400.
struct RequestBodyMiddleware<Context: RequestContext>: RouterMiddleware {
    static var limit: Int { 1 << 20 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var request = request
        if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.limit {
            throw FrontdeskError.payloadTooLarge(limit: Self.limit)
        }
        if request.method == .post || request.method == .patch || request.method == .put {
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: Self.limit)
            } catch is NIOTooManyBytesError {
                throw FrontdeskError.payloadTooLarge(limit: Self.limit)
            }
            // Only a route that takes PATCH asks for a body; another answers 405 (ProblemMiddleware).
            if body.readableBytes == 0 && request.method == .patch && context.endpointPath != nil {
                throw FrontdeskError.malformedRequest("A PATCH needs a JSON body naming what to change.")
            }
            if body.readableBytes == 0 {
                var head = request.head
                head.headerFields[.contentType] = "application/json"
                head.headerFields[.contentLength] = "2"
                request = Request(head: head, body: .init(buffer: ByteBuffer(string: "{}")))
            }
        }
        return try await next(request, context)
    }
}
