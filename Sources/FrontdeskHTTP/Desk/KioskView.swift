import FrontdeskCore

/// What the `kiosk` template shows: the location whose door it is, and the others to switch to.
struct KioskView {
    var user: DeskPages.UserView
    var location: String
    var locationID: String
    var locations: [TodayView.LocationLink]
    var hasLocations: Bool

    init(user: DeskPages.UserView, location: Location?, locations: [Location]) {
        self.user = user
        self.location = location?.name ?? ""
        locationID = location?.id.text ?? ""
        self.locations = locations.map { TodayView.LocationLink(id: $0.id.text, name: $0.name, current: $0.id == location?.id) }
        hasLocations = location != nil
    }
}
