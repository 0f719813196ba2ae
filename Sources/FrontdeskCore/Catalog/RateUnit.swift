import Foundation

/// What a resource's rate is charged per.
public enum RateUnit: String, Sendable, Codable, CaseIterable {
    case night, day, hour, session

    /// How many units a window costs. Nights are counted between the local dates of the window's
    /// ends in the location's time zone (so a DST change never adds or drops a night); hours and
    /// days are started ones; a session is one per line. Never less than one.
    public func units(of window: TimeWindow, in timeZone: TimeZone) -> Int {
        let count: Int
        switch self {
        case .night:
            count = LocalDate(window.start, in: timeZone).days(until: LocalDate(window.end, in: timeZone))
        case .day:
            count = Int((window.duration / 86_400).rounded(.up))
        case .hour:
            count = Int((window.duration / 3_600).rounded(.up))
        case .session:
            count = 1
        }
        return max(1, count)
    }

    public func price(rate: Int, window: TimeWindow, in timeZone: TimeZone) -> Int {
        rate * units(of: window, in: timeZone)
    }
}
