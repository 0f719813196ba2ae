import Foundation
import FrontdeskCore

/// A window as a client gives it: two instants, or a hotel's check-in and check-out dates that
/// are read in the resource's location time zone with the organization's check-in/out times.
public enum WindowSpec: Sendable, Hashable {
    case instants(TimeWindow)
    case dates(StayDates)

    public func resolve(in zone: TimeZone, organization: Organization) -> TimeWindow {
        switch self {
        case .instants(let window): window
        case .dates(let stay):
            stay.window(checkInTime: organization.checkIn, checkOutTime: organization.checkOut, timeZone: zone)
        }
    }

    /// Reads the two accepted spellings of a window, `starts_at`/`ends_at` or `check_in`/`check_out`.
    public init(startsAt: Date?, endsAt: Date?, checkIn: String?, checkOut: String?, field: String = "") throws(FrontdeskError) {
        var v = Validator()
        let hasInstants = startsAt != nil || endsAt != nil
        let hasDates = checkIn != nil || checkOut != nil
        v.check(!(hasInstants && hasDates), field + "starts_at", "give either starts_at/ends_at or check_in/check_out, not both")
        v.check(hasInstants || hasDates, field + "starts_at", "a window is required: starts_at/ends_at or check_in/check_out")
        if hasInstants {
            v.check(startsAt != nil, field + "starts_at", "is required with ends_at")
            v.check(endsAt != nil, field + "ends_at", "is required with starts_at")
        }
        let stayIn = checkIn.flatMap(LocalDate.init), stayOut = checkOut.flatMap(LocalDate.init)
        if hasDates {
            v.check(stayIn != nil, field + "check_in", "must be a date YYYY-MM-DD")
            v.check(stayOut != nil, field + "check_out", "must be a date YYYY-MM-DD")
            if let stayIn, let stayOut { v.check(stayIn < stayOut, field + "check_out", "must be after check_in") }
        }
        if let startsAt, let endsAt { v.check(startsAt < endsAt, field + "ends_at", "must be after starts_at") }
        try v.validate()
        if let startsAt, let endsAt {
            self = .instants(TimeWindow(start: startsAt, end: endsAt))
        } else {
            self = .dates(StayDates(checkIn: stayIn!, checkOut: stayOut!))
        }
    }

    /// The window when it is given as instants, which need no time zone.
    var instants: TimeWindow? {
        if case .instants(let window) = self { window } else { nil }
    }
}
