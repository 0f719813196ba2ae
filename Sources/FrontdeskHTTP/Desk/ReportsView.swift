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
        {{<layout}}{{$title}}Reports · {{location}} · Frontdesk{{/title}}{{$main}}
        <nav class="locations" aria-label="Locations">{{#locations}}<a href="/reports?location={{id}}&amp;from={{from}}&amp;to={{to}}"{{#current}} aria-current="page"{{/current}}>{{name}}</a> {{/locations}}</nav>
        <h1>Reports <small>{{location}}</small></h1>
        <form class="inline" id="period" method="get" action="/reports">
        <input type="hidden" name="location" value="{{locationID}}">
        <label>From <input type="date" name="from" value="{{from}}" required></label>
        <label>To (included) <input type="date" name="to" value="{{to}}" required></label>
        <button type="submit">Show</button>
        </form>
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
    var location: String
    var locationID: String
    var locations: [TodayView.LocationLink]
    var from: String
    var to: String
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
        self.location = location.name
        locationID = location.id.text
        self.locations = locations.map { TodayView.LocationLink(id: $0.id.text, name: $0.name, current: $0.id == location.id) }
        from = first.description
        to = last.description
        query = "location=\(location.id.text)&from=\(from)&to=\(to)"
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
