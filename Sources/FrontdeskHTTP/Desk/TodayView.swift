import Foundation
import FrontdeskCore

/// What the `today` template shows of a `DayManifest`: three sections of rows, each row with the
/// one right button its booking has now. (Mustache reads stored properties only: no computed ones.)
struct TodayView {
    struct Row {
        var number: String
        var guest: String
        var resources: String
        var when: String
        var status: String
        var statusLabel: String
        var button: Button?
        var version: Int
    }

    struct Button {
        var label: String
        var path: String
        var version: Int
    }

    struct Section {
        var id: String
        var title: String
        var empty: String
        var timeTitle: String
        var rows: [Row]
        var count: Int
        var hasRows: Bool

        init(id: String, title: String, empty: String, timeTitle: String, rows: [Row]) {
            (self.id, self.title, self.empty, self.timeTitle, self.rows) = (id, title, empty, timeTitle, rows)
            (count, hasRows) = (rows.count, !rows.isEmpty)
        }
    }

    var user: DeskPages.UserView
    var place: PlaceView
    var day: String
    var hasLocations = true
    var sections: [Section]
    /// The event stream from the page's moment, and the booking events that change the lists.
    var stream: String
    var types: String

    init(user: DeskPages.UserView, location: Location, locations: [Location], manifest: DayManifest, zone: TimeZone,
         head: Int64?, now: Date) {
        self.user = user
        place = PlaceView(location, among: locations, page: "/today")
        day = manifest.day.description
        func rows(_ bookings: [Booking], at edge: (Booking) -> Date) -> [Row] {
            bookings.map { booking in
                let step = DayManifest.nextStep(of: booking)
                return Row(number: booking.number, guest: booking.memberName ?? "—",
                           resources: booking.lines.map { $0.resourceName ?? $0.resourceID.text }.joined(separator: ", "),
                           when: Self.local(edge(booking), on: manifest.day, in: zone)
                               + (booking.window.end < now && booking.status.holdsResources ? " (overdue)" : ""),
                           status: booking.status.rawValue, statusLabel: Self.label(booking.status),
                           button: step.map { Button(label: Self.label($0), path: Self.path(of: $0, booking.id), version: booking.version) },
                           version: booking.version)
            }
        }
        sections = [
            Section(id: "arrivals", title: "Arrivals", empty: "No one else arrives today.", timeTitle: "Arrives",
                    rows: rows(manifest.arrivals, at: { $0.window.start })),
            Section(id: "in-house", title: "In house", empty: "No one stays past today.", timeTitle: "Leaves",
                    rows: rows(manifest.inHouse, at: { $0.window.end })),
            Section(id: "departures", title: "Departures", empty: "No one else leaves today.", timeTitle: "Leaves",
                    rows: rows(manifest.departures, at: { $0.window.end })),
        ]
        stream = head.map { "/api/v1/events/stream?after=\($0)&types=" + Self.bookingEvents.joined(separator: ",") } ?? ""
        types = Self.bookingEvents.joined(separator: ",")
    }

    /// Every event of a booking: each may move a row.
    static let bookingEvents = EventType.allCases.map(\.rawValue).filter { $0.hasPrefix("booking_") }

    /// `instant` as the desk reads it: the time on `day`, the date and time on another (or when no
    /// day is given).
    static func local(_ instant: Date, on day: LocalDate?, in zone: TimeZone) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
        let minutes = seconds.modulo(86_400) / 60
        let time = String(format: "%02d:%02d", minutes / 60, minutes % 60)
        let date = LocalDate(instant, in: zone)
        return date == day ? time : "\(date) \(time)"
    }

    static func label(_ status: BookingStatus) -> String {
        status.rawValue.replacingOccurrences(of: "_", with: " ").capitalized
    }

    static func label(_ action: BookingAction) -> String {
        action.rawValue.replacingOccurrences(of: "_", with: " ").capitalized
    }

    static func path(of action: BookingAction, _ id: UUID) -> String {
        "/api/v1/bookings/\(id.text)/" + action.rawValue.replacingOccurrences(of: "_", with: "-")
    }
}
