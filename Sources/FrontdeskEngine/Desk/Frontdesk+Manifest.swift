import Foundation
import FrontdeskCore

extension Frontdesk {
    /// A location's day at the desk (`DayManifest`): its bookings that overlap the local `day`
    /// (today in the location's time zone by default) and those in the house, overdue ones too.
    /// Requires `booking:read`.
    public func manifest(
        _ caller: Caller, locationID: UUID, day: LocalDate? = nil
    ) async throws -> (location: Location, manifest: DayManifest) {
        try caller.require(.bookingRead)
        let location = try await self.location(caller, locationID)
        let zone = try await timeZone(of: location, caller)
        let day = day ?? LocalDate(now, in: zone)
        let midnight = LocalTime("00:00")!
        let window = TimeWindow(start: day.instant(at: midnight, in: zone), end: day.adding(days: 1).instant(at: midnight, in: zone))
        var bookings: [Booking] = []
        for filter in [BookingFilter(locationIDs: [locationID], window: window),
                       BookingFilter(statuses: [.checkedIn, .active], locationIDs: [locationID])] {
            bookings += try await Page.all { page in try await self.bookings(caller, filter: filter, page: page) }
        }
        return (location, DayManifest(day: day, timeZone: zone, bookings: bookings))
    }

    /// The time zone a location's desk reads its days in: its own, else its organization's.
    public func timeZone(of location: Location, _ caller: Caller) async throws -> TimeZone {
        LocalDesk(zone: location.timeZone, settings: location.settings, in: try await organization(of: caller)).timeZone
    }
}
