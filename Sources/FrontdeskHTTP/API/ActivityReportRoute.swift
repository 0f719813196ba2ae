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
                from: try Read.instant(parameters.get("from"), "from", required: true)!,
                to: try Read.instant(parameters.get("to"), "to", required: true)!,
                locationID: try Read.uuidIfPresent(parameters.get("location_id"), "location_id"),
                resourceID: try Read.uuidIfPresent(parameters.get("resource_id"), "resource_id"))
            let report = try await frontdesk.activityReport(try RequestCaller.require(), query)
            return answer(json: report.json, csv: report.csv, accept: request.headers[.accept])
        }
    }

    /// A report as JSON, or as CSV (`text/csv; charset=utf-8` exactly) when `Accept` prefers it.
    static func answer(json: some Sequence<UInt8>, csv: String, accept: String?) -> Response {
        if MediaPreference.preferred(of: [Self.json, Self.csv], accept: accept) == Self.csv {
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
        return Response(status: .ok, headers: [.contentType: WireJSON.contentType],
                        body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }
}
