import Foundation

/// A location's day at the desk (seed 002's manifest): who arrives, who is in, who leaves. Each
/// booking shows once, where the desk acts on it next:
/// - **arrivals**: `pending` or `confirmed`, starting by the day's end (one that started on an
///   earlier day and is still to arrive stays an arrival, until the sweeper makes it a no-show);
/// - **departures**: in the house (`checked_in` or `active`) and ending by the day's end, overdue
///   ones included;
/// - **in house**: in the house and staying past the day.
/// Each list runs in the order the desk meets them: by start, or by end for departures.
public struct DayManifest: Sendable, Hashable {
    public var day: LocalDate
    public var arrivals: [Booking] = []
    public var inHouse: [Booking] = []
    public var departures: [Booking] = []

    /// The manifest of `day` in `timeZone` from the location's bookings that overlap it or are in the house.
    public init(day: LocalDate, timeZone: TimeZone, bookings: [Booking]) {
        self.day = day
        let end = day.adding(days: 1).instant(at: LocalTime("00:00")!, in: timeZone)
        for booking in Dictionary(bookings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }).values {
            switch booking.status {
            case .pending, .confirmed:
                if booking.window.start < end { arrivals.append(booking) }
            case .checkedIn, .active:
                if booking.window.end <= end { departures.append(booking) } else { inHouse.append(booking) }
            default:
                break
            }
        }
        arrivals.sort { ($0.window.start, $0.number) < ($1.window.start, $1.number) }
        inHouse.sort { ($0.window.start, $0.number) < ($1.window.start, $1.number) }
        departures.sort { ($0.window.end, $0.number) < ($1.window.end, $1.number) }
    }
}

extension DayManifest {
    /// The one right button of a row (seed 002): confirm a pending booking, check a confirmed one
    /// in, check one in the house out; nil when its status allows none of them.
    public static func nextStep(of booking: Booking) -> BookingAction? {
        let allowed = Set(booking.allowedActions)
        let step: BookingAction = switch booking.status {
        case .pending: .confirm
        case .confirmed: .checkIn
        default: .checkOut
        }
        return allowed.contains(.step(step)) ? step : nil
    }
}
