import Foundation
import FrontdeskCore

/// What the `new-booking` template shows: the location's resources free for the dates asked
/// (`Availability`), those taken with the bookings that hold them, and the guest to book for, an
/// existing one found by name or a new one. The booking is made through the API by `desk.js`.
struct NewBookingView {
    struct Free {
        var id: String
        var name: String
        var category: String?
        var price: String
    }

    struct Taken {
        var name: String
        var reason: String
        var bookings: [String]
    }

    struct Guest {
        var id: String
        var label: String
    }

    static let template = """
        {{<layout}}{{$title}}New booking · {{place.name}} · Frontdesk{{/title}}{{$main}}
        {{#place}}{{> place-nav}}{{/place}}
        <h1>New booking <small>{{place.name}}</small></h1>
        <form class="inline" id="dates" method="get" action="/bookings/new">
        <input type="hidden" name="location" value="{{place.id}}">
        <label>From <input type="date" name="from" value="{{from}}" required></label>
        <label>To <input type="date" name="to" value="{{to}}" required></label>
        <label>Guest <input name="guest" value="{{guest}}" placeholder="name, email or phone"></label>
        <button type="submit">Show what is free</button>
        </form>
        {{#searched}}
        <form id="new-booking" data-api="/api/v1/bookings" data-next="/bookings/{number}">
        <input type="hidden" name="check_in" value="{{from}}">
        <input type="hidden" name="check_out" value="{{to}}">
        <fieldset><legend>Free from {{from}} to {{to}}</legend>
        {{^hasFree}}<p class="empty">Nothing is free then.</p>{{/hasFree}}
        {{#free}}<label class="pick"><input type="checkbox" name="resource_ids" value="{{id}}" data-list> {{name}}{{#category}} · {{category}}{{/category}} · {{price}}</label>{{/free}}
        </fieldset>
        {{#hasTaken}}<h2>Taken</h2><ul class="taken">{{#taken}}<li>{{name}}: {{reason}}{{#bookings}} <a href="/bookings/{{.}}">{{.}}</a>{{/bookings}}</li>{{/taken}}</ul>{{/hasTaken}}
        <fieldset><legend>Guest</legend>
        <label>Book for <select name="member_id"><option value="">a new guest</option>{{#guests}}<option value="{{id}}">{{label}}</option>{{/guests}}</select></label>
        <label>New guest's name <input name="member.name"></label>
        <label>Email <input type="email" name="member.email"></label>
        </fieldset>
        <button type="submit">Book</button>
        <p class="error" role="alert" hidden></p>
        </form>
        {{/searched}}
        {{/main}}{{/layout}}
        """

    var user: DeskPages.UserView
    var place: PlaceView
    var from: String
    var to: String
    var guest: String
    var searched: Bool
    var free: [Free]
    var hasFree: Bool
    var taken: [Taken]
    var hasTaken: Bool
    var guests: [Guest]

    init(user: DeskPages.UserView, location: Location, locations: [Location], dates: StayDates, guest: String,
         availability: Availability?, guests: [Member]) {
        self.user = user
        place = PlaceView(location, among: locations, page: "/bookings/new")
        from = dates.checkIn.description
        to = dates.checkOut.description
        self.guest = guest
        searched = availability != nil
        let currency = availability?.currency ?? ""
        free = (availability?.available ?? []).map {
            Free(id: $0.resource.id.text, name: $0.resource.name, category: $0.resource.category,
                 price: Currency.format($0.price, currency))
        }
        hasFree = !free.isEmpty
        taken = (availability?.unavailable ?? []).map {
            Taken(name: $0.resource.name, reason: $0.reason == .booked ? "booked" : "out of service", bookings: $0.bookingNumbers)
        }
        hasTaken = !taken.isEmpty
        self.guests = guests.map { Guest(id: $0.id.text, label: $0.name + ($0.email.map { " · " + $0 } ?? "")) }
    }
}
