import Foundation
import FrontdeskCore

/// A window as a client gives it: two instants, or a hotel's check-in and check-out dates that
/// are read in the resource's location time zone with its location's check-in/out times.
public enum WindowSpec: Sendable, Hashable {
    case instants(TimeWindow)
    case dates(StayDates)

    public func resolve(in zone: TimeZone, settings: DeskSettings) -> TimeWindow {
        switch self {
        case .instants(let window): window
        case .dates(let stay):
            stay.window(checkInTime: settings.checkIn, checkOutTime: settings.checkOut, timeZone: zone)
        }
    }

    /// Reads the two accepted spellings of a window, `starts_at`/`ends_at` or `check_in`/`check_out`.
    /// A date that is not one (`2030-02-30`) is unreadable, a 400; every date and instant must fall
    /// in `BookableYears` (422).
    public init(startsAt: Date?, endsAt: Date?, checkIn: String?, checkOut: String?, field: String = "") throws(FrontdeskError) {
        func date(_ text: String?, _ name: String) throws(FrontdeskError) -> LocalDate? {
            guard let text else { return nil }
            do { return try LocalDate.parse(text) } catch { throw error.problem(field + name) }
        }
        let stayIn = try date(checkIn, "check_in"), stayOut = try date(checkOut, "check_out")
        var v = Validator()
        let hasInstants = startsAt != nil || endsAt != nil
        let hasDates = checkIn != nil || checkOut != nil
        v.check(!(hasInstants && hasDates), field + "starts_at", "give either starts_at/ends_at or check_in/check_out, not both")
        v.check(hasInstants || hasDates, field + "starts_at", "a window is required: starts_at/ends_at or check_in/check_out")
        if hasInstants {
            v.check(startsAt != nil, field + "starts_at", "is required with ends_at")
            v.check(endsAt != nil, field + "ends_at", "is required with starts_at")
        }
        if hasDates {
            v.check(stayIn != nil, field + "check_in", "is required with check_out")
            v.check(stayOut != nil, field + "check_out", "is required with check_in")
            if let stayIn, let stayOut { v.check(stayIn < stayOut, field + "check_out", "must be after check_in") }
        }
        v.bookable(stayIn, field + "check_in")
        v.bookable(stayOut, field + "check_out")
        v.bookable(startsAt, field + "starts_at")
        v.bookable(endsAt, field + "ends_at")
        if let startsAt, let endsAt { v.check(startsAt < endsAt, field + "ends_at", "must be after starts_at") }
        try v.validate()
        if let startsAt, let endsAt {
            self = .instants(TimeWindow(start: startsAt, end: endsAt))
        } else {
            self = .dates(StayDates(checkIn: stayIn!, checkOut: stayOut!))
        }
    }

    /// The dates it is given by, when it is.
    public var dates: StayDates? {
        if case .dates(let stay) = self { stay } else { nil }
    }

    /// The window when it is given as instants, which need no time zone.
    var instants: TimeWindow? {
        if case .instants(let window) = self { window } else { nil }
    }
}
