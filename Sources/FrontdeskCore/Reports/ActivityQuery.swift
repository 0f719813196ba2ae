import Foundation

/// What an activity report covers: a period of at most 366 days, and optionally only one location's
/// or one resource's activity in it.
public struct ActivityQuery: Sendable, Hashable {
    /// The longest period one report reads: a leap year. Longer ones would read years of lines and
    /// visits in one request; a client wanting more asks year by year.
    public static let longestPeriod: TimeInterval = 366 * 86_400

    public var from: Date
    public var to: Date
    public var locationID: UUID?
    public var resourceID: UUID?

    public init(from: Date, to: Date, locationID: UUID? = nil, resourceID: UUID? = nil) {
        self.from = from.truncatedToMilliseconds
        self.to = to.truncatedToMilliseconds
        self.locationID = locationID
        self.resourceID = resourceID
    }

    /// `[from, to)`.
    public var period: TimeWindow { TimeWindow(start: from, end: to) }

    /// `to` after `from` and at most `longestPeriod` later, both in `BookableYears`: a 422 naming `to`
    /// (or the field out of the years).
    public func validate() throws(FrontdeskError) {
        var v = Validator()
        v.bookable(from, "from")
        v.bookable(to, "to")
        v.check(from < to, "to", "must be after from")
        v.check(to.timeIntervalSince(from) <= Self.longestPeriod, "to", "must be at most 366 days after from")
        try v.validate()
    }
}
