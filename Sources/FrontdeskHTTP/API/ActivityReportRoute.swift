import Foundation
import FrontdeskCore
import FrontdeskEngine
import Hummingbird
import NIOCore

/// `GET /api/v1/reports/activity`, served by this hand-written route instead of the generated
/// server, as availability is: the report is Core's (`ActivityReport`), written once as JSON by
/// `JSONWriter` and once as CSV, and the route picks by `Accept`, answering CSV as
/// `text/csv; charset=utf-8` exactly. openapi.yaml documents the operation with both content types;
/// the generator's filter (openapi-generator-config.yaml) leaves its tag out of the generated
/// server and generates its schema, which the tests read answers back with.
enum ActivityReportRoute {
    static let path: RouterPath = "/api/v1/reports/activity"

    static let json = "application/json"
    static let csv = "text/csv"

    static func register<Context: RequestContext>(on router: Router<Context>, frontdesk: Frontdesk) {
        router.get(path) { request, _ in
            let parameters = request.uri.queryParameters
            let query = ActivityQuery(
                from: try instant(parameters.get("from"), "from"), to: try instant(parameters.get("to"), "to"),
                locationID: try Read.uuidIfPresent(parameters.get("location_id"), "location_id"),
                resourceID: try Read.uuidIfPresent(parameters.get("resource_id"), "resource_id"))
            let report = try await frontdesk.activityReport(try RequestCaller.require(), query)
            if MediaPreference.preferred(of: [json, csv], accept: request.headers[.accept]) == csv {
                return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: report.csv)))
            }
            return Response(status: .ok, headers: [.contentType: WireJSON.contentType],
                            body: .init(byteBuffer: ByteBuffer(bytes: report.json)))
        }
    }

    /// A required instant: absent or unreadable is a 400 naming it.
    private static func instant(_ text: String?, _ field: String) throws(FrontdeskError) -> Date {
        guard let text else { throw .malformedRequest("\(field) is required: \(InstantFormat.expected).") }
        do { return try InstantFormat.parse(text) } catch { throw error.problem(field) }
    }
}
