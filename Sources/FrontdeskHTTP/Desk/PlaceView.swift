import Foundation
import FrontdeskCore

/// The location a page is about, and the same page at each of the others (the `place-nav`
/// partial), keeping what else the page was asked (its period).
struct PlaceView {
    struct Link {
        var name: String
        var href: String
        var current: Bool
    }

    static let template = """
        <nav class="locations" aria-label="Locations">{{#links}}<a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{name}}</a> {{/links}}</nav>
        """

    var name: String
    var id: String
    var links: [Link]

    /// `page`'s path, and `query` what its links add after the location (`&from=…`).
    init(_ location: Location, among locations: [Location], page: String, query: String = "") {
        name = location.name
        id = location.id.text
        links = locations.map { Link(name: $0.name, href: "\(page)?location=\($0.id.text)\(query)", current: $0.id == location.id) }
    }
}

/// A period of a location's days, both included, and the form that asks for another (the
/// `period-form` partial).
struct PeriodView {
    static let template = """
        <form class="inline" id="period" method="get" action="{{page}}">
        <input type="hidden" name="location" value="{{locationID}}">
        <label>From <input type="date" name="from" value="{{from}}" required></label>
        <label>To (included) <input type="date" name="to" value="{{to}}" required></label>
        <button type="submit">Show</button>
        </form>
        """

    var page: String
    var locationID: String
    var from: String
    var to: String
    /// What a link to this period adds after the location.
    var query: String { "&from=\(from)&to=\(to)" }

    init(page: String, location: Location, first: LocalDate, last: LocalDate) {
        self.page = page
        locationID = location.id.text
        from = first.description
        to = last.description
    }
}
