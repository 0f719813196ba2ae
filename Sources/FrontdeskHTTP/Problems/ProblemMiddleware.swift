import Foundation
import FrontdeskCore
import FrontdeskEngine
import Hummingbird
import NIOCore
import HTTPTypes
import Logging
import OpenAPIRuntime

/// Turns every error into an `application/problem+json` response: rule failures with their status
/// and code, unreadable input as 400, unknown routes as 404, and anything unexpected as a logged 500.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            // No route: a path the API has, asked with another method, is a 405 naming the right ones.
            guard let methods = RouteTable.api.methods(for: request.uri.path), !methods.contains(request.method) else {
                return Self.response(Self.problem(for: error))
            }
            let allowed = methods.map(\.rawValue)
            var response = Self.response(.methodNotAllowed(allowed))
            response.headers[.allow] = allowed.joined(separator: ", ")
            return response
        } catch {
            let problem = Self.problem(for: error)
            if let error = error as? StoreUnavailable ?? (error as? ServerError)?.underlyingError as? StoreUnavailable {
                context.logger.warning("database unavailable", metadata: ["reason": "\(error.reason)", "path": "\(request.uri.path)"])
            } else if problem.status >= 500 {
                context.logger.error("unhandled error", metadata: [
                    "error": "\(String(reflecting: error))", "path": "\(request.uri.path)",
                ])
            }
            return Self.response(problem)
        }
    }

    static func response(_ problem: Problem) -> Response {
        var headers: HTTPFields = [.contentType: Problem.contentType]
        if problem.code == Problem.databaseUnavailable.code { headers[.retryAfter] = "1" }
        if let seconds = problem.retry_after { headers[.retryAfter] = String(seconds) }
        return Response(status: .init(code: problem.status), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(bytes: problem.json)))
    }

    static func problem(for error: any Error) -> Problem {
        switch error {
        case let error as FrontdeskError:
            return Problem(error)
        case is StoreUnavailable:
            return .databaseUnavailable
        case let error as ServerError:
            // The generated server wraps both what our handlers throw and what it failed to decode.
            if error.underlyingError is FrontdeskError || error.underlyingError is ServerError
                || error.underlyingError is StoreUnavailable {
                return problem(for: error.underlyingError)
            }
            if let convertible = error.underlyingError as? any HTTPResponseConvertible, convertible.httpStatus.code < 500 {
                return Problem(.malformedRequest(Self.describe(error)))
            }
            if error.underlyingError is DecodingError {
                return Problem(.malformedRequest(Self.describe(error)))
            }
            return .internalError
        case let error as DecodingError:
            return Problem(.malformedRequest(Self.describe(error)))
        case let error as any HTTPResponseError where error.status.code < 500:
            return notFoundOrStatus(error.status)
        default:
            return .internalError
        }
    }

    static func notFoundOrStatus(_ status: HTTPResponse.Status) -> Problem {
        switch status {
        case .notFound: .status(404, code: "not_found", title: "Not found", detail: "No such route.")
        case .contentTooLarge: Problem(.payloadTooLarge(limit: RequestBodyMiddleware<Context>.limit))
        default: .status(Int(status.code), code: "bad_request", title: status.reasonPhrase, detail: status.reasonPhrase)
        }
    }

    /// What went wrong reading the request, without the generator's internals.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as ServerError:
            return describe(error.underlyingError)
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context),
             DecodingError.valueNotFound(_, let context):
            return "Invalid value at \(path(context.codingPath)): \(context.debugDescription)"
        case DecodingError.keyNotFound(let key, let context):
            return "Missing field \(path(context.codingPath + [key]))."
        default:
            return "The request could not be read: \(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the body" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
