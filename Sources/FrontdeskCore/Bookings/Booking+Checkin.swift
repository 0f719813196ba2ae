import Foundation

/// One move of a booking that a step of one of its checkins implies.
public struct BookingStep: Sendable, Hashable {
    /// The desk action the move amounts to; nil for a check-in undone.
    public var action: BookingAction?
    /// The booking after the move.
    public var booking: Booking

    public init(_ action: BookingAction?, _ booking: Booking) {
        self.action = action
        self.booking = booking
    }

    /// The audit entry's `action`: the desk action's name, or `revert`.
    public var name: String { action?.rawValue ?? "revert" }
}

extension Booking {
    /// What a step of one of this booking's checkins, from `before` to `after`, does to the booking
    /// (`linked`: its checkins as read with it), so that booking and checkins tell the same story:
    /// - a check-in of a reserved line is the booking's own check-in of that line, at the checkin's
    ///   stamp (the booking is `checked_in` with its first line); a line no longer held (checked
    ///   out, or the booking ended) cannot be checked into again: `409 booking_line_released`;
    /// - a check-out of the line's last visit in progress is the booking's own check-out of that
    ///   line (the booking is `completed` with its last);
    /// - a check-in undone on the line's last visit in progress, or the check-out that checked the
    ///   line out undone, is the booking's own revert of that line (`reverting(lineIDs:now:)`: the
    ///   booking is `confirmed` again when no line is left checked in, `checked_in` again when a
    ///   `completed` one has a line back in); a booking that has nothing to undo (cancelled,
    ///   no-show, expired) cannot follow: `409 revert_not_mirrored`, saying why.
    /// Returns the moves in order; none when the booking stays as it is (a standalone checkin, a
    /// second visit of a line already checked in, an edit of the plan).
    public func following(
        _ after: Checkin, from before: Checkin, linked: [Checkin], now: Date
    ) throws(FrontdeskError) -> [BookingStep] {
        guard after.bookingID == id, let lineID = after.bookingLineID, lines.contains(where: { $0.id == lineID })
        else { return [] }
        let othersInProgress = linked.contains {
            $0.bookingLineID == lineID && $0.id != after.id && $0.state == .inProgress
        }
        var steps: [BookingStep] = []
        var current: Booking { steps.last?.booking ?? self }
        // The line as the moves so far left it (they never remove a line).
        var line: BookingLine? { current.lines.first { $0.id == lineID } }

        if before.checkIn == nil, let arrived = after.checkIn {
            switch line?.state {
            case .reserved:
                steps.append(BookingStep(.checkIn, try current.applying(.checkIn, at: arrived, now: now, lineIDs: [lineID])))
            case .occupied, nil:
                break
            case .released:
                throw .conflict(code: "booking_line_released", detail: current.status.holdsResources
                    ? "Line \(lineID.text) of booking \(number) was checked out: a visit of it cannot begin again."
                    : "Booking \(number) is \(current.status.rawValue): its lines are no longer held, a visit of them cannot begin.")
            }
        }
        if before.checkOut == nil, let left = after.checkOut, !othersInProgress,
           line?.state == .occupied || (line?.holds == true && current.status == .active) {
            steps.append(BookingStep(.checkOut, try current.applying(.checkOut, at: left, now: now, lineIDs: [lineID])))
        }
        let checkInUndone = before.checkIn != nil && after.checkIn == nil && !othersInProgress && line?.state == .occupied
        let checkOutUndone = before.checkOut != nil && after.checkOut == nil && line?.state == .released
            && line?.checkedOutAt != nil
        if checkInUndone || checkOutUndone {
            do {
                steps.append(BookingStep(nil, try current.reverting(lineIDs: [lineID], now: now)))
            } catch where error.code == "nothing_to_revert" {
                throw .conflict(code: "revert_not_mirrored", detail: "The visit's booking cannot follow: \(error.detail)")
            }
        }
        return steps
    }
}
