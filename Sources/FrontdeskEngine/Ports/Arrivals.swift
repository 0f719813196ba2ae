import Foundation
import FrontdeskCore

/// The visits a write begins, which the store has Core admit (`Presence.admit`) in the write's
/// transaction before writing: a checkin put in progress, by its own step or by its booking's.
extension CheckinChange {
    /// The visit this change begins: the checkin checked in, or its check-out undone.
    public var arrival: Arrival? {
        guard checkin.state == .inProgress, previous?.state != .inProgress else { return nil }
        return Arrival(checkin: checkin, resumed: previous?.state == .complete)
    }
}

extension BookingChange {
    /// The visits this change begins, each with the line it moves.
    public var arrivals: [Arrival] {
        checkins.compactMap(\.arrival).map { arrival in
            Arrival(checkin: arrival.checkin, line: booking.lines.first { $0.id == arrival.checkin.bookingLineID },
                    resumed: arrival.resumed)
        }
    }
}

extension CheckinWrite {
    /// The visits this write begins: its booking's when it moves the booking, else its own.
    public var arrivals: [Arrival] {
        booking?.arrivals ?? checkin.arrival.map { [$0] } ?? []
    }
}
