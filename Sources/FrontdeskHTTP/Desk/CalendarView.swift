import Foundation
import FrontdeskCore

/// What the `calendar` template shows: a location's week, a row per resource, each booking line
/// a bar across the days it holds, coloured and labelled by its booking's status; a bar opens its
/// booking. Days are the location's (its time zone).
struct CalendarView {
    struct Day {
        var label: String
        var column: Int
    }

    struct Bar {
        var number: String
        var guest: String
        var status: String
        var statusLabel: String
        var column: Int
        var span: Int
    }

    struct Row {
        var name: String
        var bars: [Bar]
    }

    static let template = """
        {{<layout}}{{$title}}Calendar · {{place.name}} · Frontdesk{{/title}}{{$main}}
        {{#place}}{{> place-nav}}{{/place}}
        <h1>{{place.name}} <small>week of {{from}}</small></h1>
        <p><a href="/calendar?location={{place.id}}&amp;from={{previous}}">← Previous week</a> · <a href="/calendar?location={{place.id}}&amp;from={{next}}">Next week →</a></p>
        <div class="calendar" role="table" aria-label="Bookings by resource and day">
        <div class="cal-row cal-head" role="row"><span role="columnheader">Resource</span>{{#days}}<span role="columnheader" style="grid-column: {{column}}">{{label}}</span>{{/days}}</div>
        {{#rows}}<div class="cal-row" role="row"><span class="cal-name" role="rowheader">{{name}}</span>{{#bars}}<a class="cal-bar {{status}}" role="cell" style="grid-column: {{column}} / span {{span}}" href="/bookings/{{number}}" title="{{number}} · {{guest}} · {{statusLabel}}">{{number}} · {{guest}} <small>{{statusLabel}}</small></a>{{/bars}}</div>
        {{/rows}}
        </div>
        {{^rows}}<p class="empty">No resource at this location.</p>{{/rows}}
        {{/main}}{{/layout}}
        """

    var user: DeskPages.UserView
    var place: PlaceView
    var from: String
    var previous: String
    var next: String
    var days: [Day]
    var rows: [Row]

    /// The week from `first`, of `resources`, with the lines of `bookings` on them.
    init(user: DeskPages.UserView, location: Location, locations: [Location], first: LocalDate, zone: TimeZone,
         resources: [Resource], bookings: [Booking]) {
        self.user = user
        from = first.description
        previous = first.adding(days: -7).description
        next = first.adding(days: 7).description
        place = PlaceView(location, among: locations, page: "/calendar", query: "&from=\(from)")
        let midnight = LocalTime("00:00")!
        let starts = (0...7).map { first.adding(days: $0).instant(at: midnight, in: zone) }
        days = (0..<7).map { Day(label: Self.dayLabel(first.adding(days: $0), zone: zone), column: $0 + 2) }
        /// The columns a window covers: from the day it starts (or the week's first) to the day it ends in.
        func columns(_ window: TimeWindow) -> (column: Int, span: Int)? {
            guard window.end > starts[0], window.start < starts[7] else { return nil }
            let first = starts.lastIndex { $0 <= window.start } ?? 0
            let last = (starts.lastIndex { $0 < window.end } ?? 0)
            return (first + 2, max(1, min(last, 6) - first + 1))
        }
        rows = resources.map { resource in
            let bars = bookings.flatMap { booking in
                booking.lines.filter { $0.resourceID == resource.id }.compactMap { line -> Bar? in
                    guard let (column, span) = columns(line.window) else { return nil }
                    return Bar(number: booking.number, guest: booking.memberName ?? "—", status: booking.status.rawValue,
                               statusLabel: TodayView.label(booking.status), column: column, span: span)
                }
            }
            return Row(name: resource.name, bars: bars.sorted { ($0.column, $0.number) < ($1.column, $1.number) })
        }
    }

    private static func dayLabel(_ day: LocalDate, zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "EEE d MMM"
        return formatter.string(from: day.instant(at: LocalTime("12:00")!, in: zone))
    }
}
