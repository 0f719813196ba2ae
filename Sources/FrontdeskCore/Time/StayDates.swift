import Foundation

/// A stay given as check-in and check-out dates (a hotel's way), read in a location's time zone
/// with the organization's check-in and check-out times.
public struct StayDates: Sendable, Hashable {
    public var checkIn: LocalDate
    public var checkOut: LocalDate

    public init(checkIn: LocalDate, checkOut: LocalDate) {
        self.checkIn = checkIn
        self.checkOut = checkOut
    }

    /// Stay dates as stored (`YYYY-MM-DD` twice, or neither); a text that is no date is an error.
    public init?(stored checkIn: String?, _ checkOut: String?) throws {
        guard let checkIn, let checkOut else { return nil }
        self.init(checkIn: try LocalDate.parse(checkIn), checkOut: try LocalDate.parse(checkOut))
    }

    public func window(checkInTime: LocalTime, checkOutTime: LocalTime, timeZone: TimeZone) -> TimeWindow {
        TimeWindow(
            start: checkIn.instant(at: checkInTime, in: timeZone),
            end: checkOut.instant(at: checkOutTime, in: timeZone)
        )
    }
}
