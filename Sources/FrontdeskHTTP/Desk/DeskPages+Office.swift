import Foundation
import FrontdeskCore
import FrontdeskEngine
import Hummingbird
import NIOCore

/// The desk's back office: reports with their CSV, and the settings.
extension DeskPages {
    static func reports(_ desk: DeskRequest) async throws -> Response {
        guard let period = try await period(desk) else { return noLocation(desk.user) }
        let report = try await desk.frontdesk.activityReport(desk.caller, period.query)
        let takings = desk.may(.billingRead) ? try await desk.frontdesk.takingsReport(desk.caller, period.query) : nil
        return page("reports", ReportsView(user: desk.user, location: period.location, locations: period.locations,
                                           first: period.first, last: period.last, report: report, takings: takings))
    }

    /// `activity.csv` or `takings.csv` of a period, as a download.
    static func reportFile(_ desk: DeskRequest) async throws -> Response {
        let name = try desk.parameters.require("name")
        guard ["activity.csv", "takings.csv"].contains(name), let period = try await period(desk) else {
            throw FrontdeskError.notFound(entity: "report", id: name)
        }
        let csv = name == "activity.csv" ? try await desk.frontdesk.activityReport(desk.caller, period.query).csv
            : try await desk.frontdesk.takingsReport(desk.caller, period.query).csv
        let file = name.replacingOccurrences(of: ".csv", with: "") + "-\(period.first)-\(period.last).csv"
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                                               .contentDisposition: "attachment; filename=\"\(file)\""],
                        body: .init(byteBuffer: ByteBuffer(string: csv)))
    }

    /// The organization's settings, each part read only when the caller may.
    static func settings(_ desk: DeskRequest) async throws -> Response {
        let (frontdesk, caller) = (desk.frontdesk, desk.caller)
        let everything = desk.may(.settingsRead) && caller.locationIDs == nil
        let view = SettingsView(
            user: desk.user, caller: caller, organization: try await frontdesk.organization(caller),
            locations: try await desk.place().locations,
            resources: try await Page.all { page in try await frontdesk.resources(caller, filter: ResourceFilter(), page: page) },
            users: desk.may(.userManage) ? try await frontdesk.users(caller) : nil,
            keys: desk.may(.keyManage) ? try await frontdesk.keys(caller) : nil,
            actions: everything ? try await Page.all { page in try await frontdesk.actions(caller, page: page) } : nil,
            deliveries: everything
                ? try await frontdesk.webhookDeliveries(caller, filter: DeliveryFilter(), page: PageRequest(limit: 50)).items : nil)
        return page("settings", view)
    }
}
