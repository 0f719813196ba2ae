import Foundation
import FrontdeskCore

/// What the `attendance` template shows of a period's `AttendanceDashboard` at a location: its
/// totals, the daily trend and the time slots as inline SVG bars (each labelled in text too, so
/// they read without colour or sight), the members' engagement now, the most regular, and those
/// drifting away.
struct AttendanceView {
    struct Bar {
        var label: String
        var value: Int
        var x: Int
        var y: Int
        var height: Int
    }

    /// A row of a horizontal bar chart: its label and value are written beside the bar.
    struct Count {
        var label: String
        var value: Int
        var y: Int
        var width: Int
    }

    struct Person {
        var id: String
        var name: String
        var visits: Int
        var last: String
    }

    static let template = """
        {{<layout}}{{$title}}Attendance · {{place.name}} · Frontdesk{{/title}}{{$main}}
        {{#place}}{{> place-nav}}{{/place}}
        <h1>Attendance <small>{{place.name}}</small></h1>
        {{#period}}{{> period-form}}{{/period}}
        <p id="totals">{{visits}} visits · {{members}} members · {{hours}} · <a href="/corrections">Corrections</a></p>
        <h2>Visits by day</h2>
        <svg class="chart" viewBox="0 0 {{width}} 110" preserveAspectRatio="none" role="img" aria-label="Visits by day, {{period.from}} to {{period.to}}">
        {{#daily}}<rect x="{{x}}" y="{{y}}" width="8" height="{{height}}"><title>{{label}}: {{value}}</title></rect>{{/daily}}
        </svg>
        <p class="axis"><span>{{period.from}}</span> <span>{{period.to}}</span></p>
        <h2>When they come</h2>
        <svg class="chart rows" viewBox="0 0 300 {{slotsHeight}}" role="img" aria-label="Visits by time of day">
        {{#slots}}<text x="0" y="{{y}}" dy="12">{{label}}: {{value}}</text><rect x="140" y="{{y}}" width="{{width}}" height="14"></rect>{{/slots}}
        </svg>
        <h2>Engagement now</h2>
        <svg class="chart rows" viewBox="0 0 300 {{engagementHeight}}" role="img" aria-label="Members by engagement">
        {{#engagement}}<text x="0" y="{{y}}" dy="12">{{label}}: {{value}}</text><rect x="140" y="{{y}}" width="{{width}}" height="14"></rect>{{/engagement}}
        </svg>
        <h2>The most regular</h2>
        {{^top}}<p class="empty">No visit in this period.</p>{{/top}}
        <ol>{{#top}}<li><a href="/members/{{id}}">{{name}}</a> · {{visits}} visits · last {{last}}</li>{{/top}}</ol>
        <h2>Drifting away</h2>
        {{^atRisk}}<p class="empty">Nobody at risk.</p>{{/atRisk}}
        <ul>{{#atRisk}}<li><a href="/members/{{id}}">{{name}}</a> · last came {{last}}</li>{{/atRisk}}</ul>
        {{/main}}{{/layout}}
        """

    var user: DeskPages.UserView
    var place: PlaceView
    var period: PeriodView
    var visits: Int
    var members: Int
    var hours: String
    var width: Int
    var daily: [Bar]
    var slots: [Count]
    var slotsHeight: Int
    var engagement: [Count]
    var engagementHeight: Int
    var top: [Person]
    var atRisk: [Person]

    init(user: DeskPages.UserView, location: Location, locations: [Location], first: LocalDate, last: LocalDate,
         dashboard: AttendanceDashboard) {
        self.user = user
        period = PeriodView(page: "/attendance", location: location, first: first, last: last)
        place = PlaceView(location, among: locations, page: "/attendance", query: period.query)
        visits = dashboard.totalVisits
        members = dashboard.uniqueMembers
        hours = ReportsView.hours(dashboard.visitMinutes)
        let most = max(1, dashboard.daily.map(\.visits).max() ?? 1)
        width = max(10, dashboard.daily.count * 10)
        daily = dashboard.daily.enumerated().map { index, day in
            let height = day.visits * 100 / most
            return Bar(label: day.day.description, value: day.visits, x: index * 10 + 1, y: 105 - height, height: height)
        }
        slots = Self.rows(MemberStats.TimeSlot.allCases.map { ($0.rawValue, dashboard.timeSlots[$0] ?? 0) })
        slotsHeight = slots.count * 20
        engagement = Self.rows(MemberStats.Engagement.allCases.map {
            ($0.rawValue.replacingOccurrences(of: "_", with: " "), dashboard.engagement[$0] ?? 0)
        })
        engagementHeight = engagement.count * 20
        func person(_ count: AttendanceDashboard.MemberCount) -> Person {
            Person(id: count.memberID.text, name: count.name, visits: count.visits, last: count.lastVisitDay.description)
        }
        top = dashboard.topMembers.map(person)
        atRisk = dashboard.atRiskMembers.map(person)
    }

    /// Bars 20 units apart, the longest 160 wide.
    private static func rows(_ counts: [(String, Int)]) -> [Count] {
        let most = max(1, counts.map(\.1).max() ?? 1)
        return counts.enumerated().map { index, count in
            Count(label: count.0, value: count.1, y: index * 20 + 3, width: count.1 * 160 / most)
        }
    }
}
