import Foundation
import FrontdeskCore
import HTTPTypes
import OpenAPIRuntime

/// Reads the generated operations' JSON bodies before their decoders do (`RequestJSON.check`:
/// no null property, free JSON the server can keep), and names the field of a date-time a decoder
/// could not read: the generated server's date transcoder is not told where the text came from,
/// so the query parameter or body member holding it is looked up here. The query parameters that
/// are not free text are read first (`QueryParameters`): a 400 names the one that cannot be read.
struct JSONBodyMiddleware: ServerMiddleware {
    /// The operations that take free JSON, and the member of their body that holds it.
    static let freeJSON = ["createCheckin": "metadata", "updateCheckin": "metadata"]

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        if let path = request.path { request.path = try QueryParameters.read(path, operationID: operationID) }
        try QueryParameters.readHeaders(request.headerFields)
        var bytes: [UInt8]?
        var body = body
        if let received = body {
            // Already in memory, and at most 1 MiB (RequestBodyMiddleware).
            let collected = try await [UInt8](collecting: received, upTo: .max)
            try RequestJSON.check(collected, freeJSON: Self.freeJSON[operationID])
            (bytes, body) = (collected, HTTPBody(collected))
        }
        do {
            return try await next(request, body, metadata)
        } catch {
            guard let unreadable = RequestJSON.unreadableInstant(error) else { throw error }
            let query = request.path.flatMap { path in path.firstIndex(of: "?").map { String(path[path.index(after: $0)...]) } }
            throw unreadable.problem(RequestJSON.field(holding: unreadable.text, query: query, body: bytes) ?? "a date-time")
        }
    }
}
