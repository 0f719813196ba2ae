import Foundation

/// An outbox event of a booking step: its type and, for a line event, the line it is about.
public struct BookingEvent: Sendable, Hashable {
    public var type: EventType
    /// The line a `booking_line_checked_in` or `booking_line_checked_out` is about; nil otherwise.
    public var line: BookingLine?

    public init(_ type: EventType, line: BookingLine? = nil) {
        self.type = type
        self.line = line
    }

    /// The event's data: the booking as the API returns it, with the line under `line` for a line event.
    public func data(of booking: Booking) -> Data {
        var writer = JSONWriter()
        booking.write(to: &writer, line: line)
        return writer.data
    }
}

extension Booking {
    /// The events of a step from `before` to this booking, named after what happened, not what was
    /// asked for: a status entered going forward names the step (`booking_checked_in` only when the
    /// booking enters `checked_in`, `booking_completed` only when it enters `completed`, …); a step
    /// that leaves the status as it was fires one `booking_line_checked_in` or
    /// `booking_line_checked_out` per line it checked in or out, in line order; any other change
    /// (notes, a check-in undone) is `booking_updated`.
    public func events(from before: Booking) -> [BookingEvent] {
        if status != before.status {
            guard before.status.canMove(to: status), let action = BookingAction(entering: status) else {
                return [BookingEvent(.bookingUpdated)]
            }
            return [BookingEvent(action.eventType)]
        }
        var events: [BookingEvent] = []
        for line in lines {
            let old = before.lines.first { $0.id == line.id }
            if old?.checkedInAt == nil, line.checkedInAt != nil {
                events.append(BookingEvent(.bookingLineCheckedIn, line: line))
            }
            if old?.checkedOutAt == nil, line.checkedOutAt != nil {
                events.append(BookingEvent(.bookingLineCheckedOut, line: line))
            }
        }
        return events.isEmpty ? [BookingEvent(.bookingUpdated)] : events
    }
}
