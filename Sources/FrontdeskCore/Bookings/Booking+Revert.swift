import Foundation

extension Booking {
    /// Undoes a booking's check-out or check-in, as a checkin's revert undoes its last step: per line
    /// (`lineIDs`), or the booking's last step as a whole (its checked-out lines if it has any, else
    /// its checked-in ones). A line checked out goes back to checked in (`occupied`, its check-out
    /// cleared); a line checked in back to `reserved`. The status follows the lines:
    ///
    /// | before | lines after | after |
    /// |---|---|---|
    /// | `checked_in`, `active` | some still checked in or out | unchanged |
    /// | `checked_in`, `active` | none checked in any more | `confirmed` (`actual_start_at` cleared) |
    /// | `completed` | some checked in again | `checked_in` (`actual_end_at` cleared, and `actual_start_at` when the completion stamped it) |
    /// | any other | — | `409 nothing_to_revert` |
    ///
    /// A line named that has nothing to undo (reserved, or released without a check-out: cancelled,
    /// no-show) is `409 nothing_to_revert`; one that is not the booking's is a 422 on `line_ids`.
    public func reverting(lineIDs: Set<UUID>?, now: Date) throws(FrontdeskError) -> Booking {
        guard [.checkedIn, .active, .completed].contains(status) else {
            throw .conflict(code: "nothing_to_revert",
                            detail: "Booking \(number) is \(status.rawValue): it has no check-in or check-out to undo.")
        }
        let checkedOut = { (line: BookingLine) in line.state == .released && line.checkedOutAt != nil }
        let undoable = { (line: BookingLine) in line.state == .occupied || checkedOut(line) }
        let selected: Set<UUID>
        if let lineIDs {
            var v = Validator()
            v.check(!lineIDs.isEmpty, "line_ids", "must name at least one line")
            for id in lineIDs where !lines.contains(where: { $0.id == id }) {
                v.check(false, "line_ids", "\(id.text) is not a line of this booking")
            }
            try v.validate()
            if let stuck = lines.first(where: { lineIDs.contains($0.id) && !undoable($0) }) {
                throw .conflict(code: "nothing_to_revert",
                                detail: "Line \(stuck.id.text) is \(stuck.state.rawValue): it has no check-in or check-out to undo.")
            }
            selected = lineIDs
        } else {
            let out = lines.filter(checkedOut)
            selected = Set((out.isEmpty ? lines.filter { $0.state == .occupied } : out).map(\.id))
        }

        var next = self
        for i in next.lines.indices where selected.contains(next.lines[i].id) {
            if checkedOut(next.lines[i]) {
                next.lines[i].state = .occupied
                next.lines[i].checkedOutAt = nil
            } else {
                next.lines[i].state = .reserved
                next.lines[i].checkedInAt = nil
            }
        }
        if !next.lines.contains(where: { $0.checkedInAt != nil }) {
            next.status = .confirmed
            next.actualStartAt = nil
            next.actualEndAt = nil
        } else if status == .completed {
            next.status = .checkedIn
            if actualStartAt == actualEndAt { next.actualStartAt = nil }
            next.actualEndAt = nil
        }
        next.version += 1
        next.updatedAt = now.truncatedToMilliseconds
        return next
    }
}
