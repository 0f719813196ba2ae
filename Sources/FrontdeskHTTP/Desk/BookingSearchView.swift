import Foundation
import FrontdeskCore

/// What the `booking-search` template shows: the bookings found by a guest's or a resource's name.
struct BookingSearchView {
    struct Row {
        var number: String
        var guest: String
        var resources: String
        var window: String
        var status: String
        var statusLabel: String
    }

    static let template = """
        {{<layout}}{{$title}}“{{query}}” · Frontdesk{{/title}}{{$main}}
        <h1>Bookings for “{{query}}”</h1>
        {{^hasRows}}<p class="empty">No booking of a guest or a resource by that name.</p>{{/hasRows}}
        {{#hasRows}}
        <table id="search-results">
        <thead><tr><th scope="col">Booking</th><th scope="col">Guest</th><th scope="col">Resources</th><th scope="col">When</th><th scope="col">Status</th></tr></thead>
        <tbody>
        {{#rows}}<tr id="booking-{{number}}"><td><a href="/bookings/{{number}}">{{number}}</a></td><td>{{guest}}</td><td>{{resources}}</td><td>{{window}}</td><td><span class="status {{status}}">{{statusLabel}}</span></td></tr>{{/rows}}
        </tbody>
        </table>
        {{/hasRows}}
        {{/main}}{{/layout}}
        """

    var user: DeskPages.UserView
    var query: String
    var rows: [Row]
    var hasRows: Bool

    /// `zones`: each location's time zone, which its bookings' times are shown in.
    init(user: DeskPages.UserView, query: String, bookings: [Booking], zones: [UUID: TimeZone]) {
        self.user = user
        self.query = query
        rows = bookings.map { booking in
            let zone = zones[booking.locationID] ?? TimeZone(identifier: "UTC")!
            return Row(number: booking.number, guest: booking.memberName ?? "—",
                       resources: booking.lines.map { $0.resourceName ?? $0.resourceID.text }.joined(separator: ", "),
                       window: TodayView.local(booking.window.start, on: nil, in: zone) + " → "
                           + TodayView.local(booking.window.end, on: nil, in: zone),
                       status: booking.status.rawValue, statusLabel: TodayView.label(booking.status))
        }
        hasRows = !rows.isEmpty
    }
}
