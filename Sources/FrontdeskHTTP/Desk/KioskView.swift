import FrontdeskCore

/// What the `kiosk` template shows: the location whose door it is, and the others to switch to.
struct KioskView {
    var user: DeskPages.UserView
    var place: PlaceView?
    var hasLocations: Bool

    init(user: DeskPages.UserView, location: Location?, locations: [Location]) {
        self.user = user
        place = location.map { PlaceView($0, among: locations, page: "/kiosk") }
        hasLocations = location != nil
    }
}
