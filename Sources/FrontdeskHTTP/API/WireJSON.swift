import Foundation
import FrontdeskCore
import Hummingbird
import NIOCore

/// JSON bodies of the hand-written routes, read and written as the generated server does: a body
/// of another media type is refused, instants are RFC 3339 (a bad one is a 400 naming its field),
/// `RequestJSON`'s rules hold, and answers are UTF-8 JSON.
enum WireJSON {
    static let contentType = "application/json; charset=utf-8"

    /// The request's body (already in memory, `{}` when it was empty: see `RequestBodyMiddleware`)
    /// as `T`. Unreadable JSON is a `DecodingError`, which `ProblemMiddleware` answers with a 400.
    static func decode<T: Decodable>(_: T.Type, from request: Request) async throws -> T {
        if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json") {
            throw FrontdeskError.malformedRequest("The body must be application/json, not \(type).")
        }
        let bytes = Array(try await request.body.collect(upTo: .max).readableBytesView)
        try RequestJSON.check(bytes, freeJSON: nil)
        return try decoder.decode(T.self, from: Data(bytes))
    }

    /// An answer carrying an entity and, when given, its version as `ETag`.
    static func response(_ status: HTTPResponse.Status, _ json: Data, etag: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        if let etag { headers[.eTag] = etag }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            do {
                return try InstantFormat.parse(text)
            } catch let error as TimeTextError {
                throw error.problem(RequestJSON.path(decoder.codingPath))
            }
        }
        return decoder
    }()
}
