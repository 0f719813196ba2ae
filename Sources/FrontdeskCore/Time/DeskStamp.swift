import Foundation

/// A stamp the desk records, the `at` of a check-in or check-out: when something happened, so never
/// later than now, give or take the skew between the desk's clock and the server's.
public enum DeskStamp {
    /// How far ahead of the server's clock a stamp may lie: a minute.
    public static let clockSkew: TimeInterval = 60

    public static let futureMessage = "must not lie in the future (more than a minute ahead of the server's clock)"
}

extension Validator {
    /// A desk stamp: within `BookableYears` and at most `DeskStamp.clockSkew` after `now`.
    public mutating func stamp(_ instant: Date?, _ field: String, now: Date) {
        guard let instant else { return }
        if BookableYears.contains(instant) {
            check(instant <= now.addingTimeInterval(DeskStamp.clockSkew), field, DeskStamp.futureMessage)
        } else {
            bookable(instant, field)  // one issue per field: out of the years says enough
        }
    }
}
