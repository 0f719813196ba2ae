import Foundation
import FrontdeskCore

/// What the `reports` template shows for a location and a period of its days: the activity of
/// its resources (`ActivityReport`) and, for those who read money, its takings (`TakingsReport`),
/// each with its CSV to download.
struct ReportsView {
    struct Activity {
        var name: String
        var booked: String
        var used: String
        var utilization: String
        var noShows: Int
        var visits: Int
        var peakHours: String
    }

    struct Takings {
        var day: String
        var method: String
        var count: Int
        var paid: String
        var refunded: String
        var net: String
    }

    static let template = """
        {{<layout}}{{$title}}Reports · {{place.name}} · Frontdesk{{/title}}{{$main}}
        {{#place}}{{> place-nav}}{{/place}}
        <h1>Reports <small>{{place.name}}</small></h1>
        {{#period}}{{> period-form}}{{/period}}
        <h2>Activity <a class="download" href="/reports/activity.csv?{{query}}" download>CSV</a></h2>
        <table id="activity">
        <thead><tr><th scope="col"></th><th scope="col">Booked</th><th scope="col">Used</th><th scope="col">Utilization</th><th scope="col">No-shows</th><th scope="col">Visits</th><th scope="col">Peak hours</th></tr></thead>
        <tbody>{{#activity}}<tr><th scope="row">{{name}}</th><td>{{booked}}</td><td>{{used}}</td><td>{{utilization}}</td><td>{{noShows}}</td><td>{{visits}}</td><td>{{peakHours}}</td></tr>{{/activity}}</tbody>
        </table>
        {{#showsTakings}}
        <h2>Takings <a class="download" href="/reports/takings.csv?{{query}}" download>CSV</a></h2>
        {{^takings}}<p class="empty">No payment in this period.</p>{{/takings}}
        {{#hasTakings}}<table id="takings">
        <thead><tr><th scope="col">Day</th><th scope="col">Method</th><th scope="col">Payments</th><th scope="col">Paid</th><th scope="col">Refunded</th><th scope="col">Net</th></tr></thead>
        <tbody>{{#takings}}<tr><td>{{day}}</td><td>{{method}}</td><td>{{count}}</td><td class="amount">{{paid}}</td><td class="amount">{{refunded}}</td><td class="amount">{{net}}</td></tr>{{/takings}}</tbody>
        </table>{{/hasTakings}}
        {{/showsTakings}}
        {{/main}}{{/layout}}
        """

    var user: DeskPages.UserView
    var place: PlaceView
    var period: PeriodView
    /// The page's own query, which the CSV links carry.
    var query: String
    var activity: [Activity]
    var showsTakings: Bool
    var takings: [Takings]
    var hasTakings: Bool

    /// `first...last`: the days asked, both included.
    init(user: DeskPages.UserView, location: Location, locations: [Location], first: LocalDate, last: LocalDate,
         report: ActivityReport, takings: TakingsReport?) {
        self.user = user
        period = PeriodView(page: "/reports", location: location, first: first, last: last)
        place = PlaceView(location, among: locations, page: "/reports", query: period.query)
        query = "location=\(location.id.text)" + period.query
        func row(_ name: String, _ figures: ActivityFigures) -> Activity {
            Activity(name: name, booked: Self.hours(figures.bookedMinutes), used: Self.hours(figures.usedMinutes),
                     utilization: String(Int((figures.utilizationRate * 100).rounded())) + " %", noShows: figures.noShows,
                     visits: figures.visits, peakHours: figures.peakHours.map { "\($0.hour):00" }.joined(separator: ", "))
        }
        activity = report.resources.map { row($0.name, $0.figures) } + report.locations.map { row($0.name + " (all)", $0.figures) }
        showsTakings = takings != nil
        self.takings = (takings?.rows ?? []).map { row in
            let currency = takings!.currency
            return Takings(day: row.day.description, method: row.method.rawValue, count: row.count,
                           paid: Currency.format(row.paid, currency), refunded: Currency.format(row.refunded, currency),
                           net: Currency.format(row.net, currency))
        }
        hasTakings = !self.takings.isEmpty
    }

    /// Minutes as hours and minutes: `12 h 30`.
    static func hours(_ minutes: Int) -> String {
        let rest = minutes % 60
        return rest == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h " + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
