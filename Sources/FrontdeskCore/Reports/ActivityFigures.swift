import Foundation

/// What a report says of a resource, a location or the organization over its period. Every
/// duration is the scope's exact time in milliseconds, rounded to the nearest minute (half a
/// minute up): a location's figure is its resources' time added up, then rounded.
public struct ActivityFigures: Sendable, Hashable {
    /// Time booked by lines of bookings that hold or held the resource (`ActivityReport.bookedStatuses`),
    /// each line clipped to the period.
    public var bookedMinutes: Int
    /// Time checked in inside the booked windows: each line's stays (its own check-in → check-out
    /// and its checkins'), clipped to its window and the period; a stay in progress runs until now.
    public var usedMinutes: Int
    /// `used / booked`, to 4 decimals; 0 when nothing was booked.
    public var utilizationRate: Double
    /// Bookings marked `no_show` with a line in the period.
    public var noShows: Int
    /// Visits (checkins checked in, with or without a booking) in the period.
    public var visits: Int
    /// Their checked-in time, clipped to the period and until now.
    public var visitMinutes: Int
    /// The period's time, from the resource's creation until now (or its deletion), in which the
    /// resource held no visit in progress; a location's and the organization's are summed over
    /// their resources.
    public var idleMinutes: Int
    /// The local hours of day with the most visit minutes, most first, at most 3.
    public var peakHours: [PeakHour]

    public init(bookedMinutes: Int, usedMinutes: Int, utilizationRate: Double, noShows: Int, visits: Int,
                visitMinutes: Int, idleMinutes: Int, peakHours: [PeakHour]) {
        self.bookedMinutes = bookedMinutes
        self.usedMinutes = usedMinutes
        self.utilizationRate = utilizationRate
        self.noShows = noShows
        self.visits = visits
        self.visitMinutes = visitMinutes
        self.idleMinutes = idleMinutes
        self.peakHours = peakHours
    }
}

/// An hour of the day (0–23) on the clocks of the visited resource's location, and the visit
/// minutes spent in it over the period.
public struct PeakHour: Sendable, Hashable {
    public var hour: Int
    public var visitMinutes: Int

    public init(hour: Int, visitMinutes: Int) {
        self.hour = hour
        self.visitMinutes = visitMinutes
    }
}
