import Foundation

/// The years a booking or a visit may fall in: 1970 to 2199. RFC 3339 writes any year from 0000 to
/// 9999, but a stay in the year 0 or 9999 is a typo or a probe, and near those ends the calendar's
/// arithmetic, the time zone database and the two databases stop agreeing. Applies to the dates
/// and instants of bookings, availability and checkins (windows and stamps), not to list filters.
public enum BookableYears {
    public static let range = 1970...2199
    /// 1970-01-01T00:00:00Z.
    public static let start = Date(timeIntervalSince1970: 0)
    /// 2200-01-01T00:00:00Z, the first instant after the range.
    public static let end = Date(timeIntervalSince1970: 7_258_118_400)

    public static func contains(_ instant: Date) -> Bool { instant >= start && instant < end }
    public static func contains(_ date: LocalDate) -> Bool { range.contains(date.year) }

    public static let message = "must fall in the years 1970 to 2199"
}

extension Validator {
    /// An instant of a booking or a visit: within `BookableYears` (UTC).
    public mutating func bookable(_ instant: Date?, _ field: String) {
        if let instant { check(BookableYears.contains(instant), field, BookableYears.message) }
    }

    /// A date of a booking or a visit: within `BookableYears`.
    public mutating func bookable(_ date: LocalDate?, _ field: String) {
        if let date { check(BookableYears.contains(date), field, BookableYears.message) }
    }
}
