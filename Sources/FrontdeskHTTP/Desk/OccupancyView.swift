import Foundation
import FrontdeskCore

/// What the `occupancy` template shows: who is in a location now, a card per visit in progress,
/// kept current by the event stream.
struct OccupancyView {
    struct Visit {
        var who: String
        var resource: String
        var since: String
        var memberType: String?
    }

    static let template = """
        {{<layout}}{{$title}}Who is in · {{place.name}} · Frontdesk{{/title}}{{$main}}
        {{#place}}{{> place-nav}}{{/place}}
        <div data-stream="{{stream}}" data-types="{{types}}">
        <div id="live">
        <h1>{{place.name}} <small>{{count}} in now</small></h1>
        {{^visits}}<p class="empty">Nobody is in.</p>{{/visits}}
        <div class="board">
        {{#visits}}<div class="card visit"><strong>{{who}}</strong><br>{{resource}} · since {{since}}{{#memberType}} · {{memberType}}{{/memberType}}</div>{{/visits}}
        </div>
        </div>
        </div>
        {{/main}}{{/layout}}
        """

    var user: DeskPages.UserView
    var place: PlaceView
    var count: Int
    var visits: [Visit]
    var stream: String
    var types: String

    /// `names`: the members' names by id.
    init(user: DeskPages.UserView, location: Location, locations: [Location], headcount: Headcount, names: [UUID: String],
         zone: TimeZone, head: Int64?, now: Date) {
        self.user = user
        place = PlaceView(location, among: locations, page: "/occupancy")
        count = headcount.total
        let today = LocalDate(now, in: zone)
        visits = headcount.visits.map { present in
            Visit(who: present.visit.memberID.flatMap { names[$0] } ?? "—", resource: present.resourceName,
                  since: present.visit.checkIn.map { TodayView.local($0, on: today, in: zone) } ?? "",
                  memberType: present.memberType)
        }
        let events = Self.visitEvents.joined(separator: ",")
        stream = head.map { "/api/v1/events/stream?after=\($0)&types=" + events } ?? ""
        types = events
    }

    /// The events that move someone in or out.
    static let visitEvents = [EventType.checkinStarted, .checkoutCompleted, .checkinDeleted, .checkinUpdated, .sessionExpired]
        .map(\.rawValue)
}
