import Foundation

extension Booking {
    /// Applies a desk action (or the PATCH `status` override, which is the same thing) with the
    /// stamps of the seeds. `lineIDs` narrows a check-in or check-out to some lines: the booking is
    /// checked in with its first line and completed when its last line is checked out.
    public func applying(
        _ action: BookingAction, at instant: Date, now: Date,
        lineIDs: Set<UUID>? = nil, reason: String? = nil
    ) throws(FrontdeskError) -> Booking {
        var v = Validator()
        v.stamp(instant, "at", now: now)
        try v.validate()
        let at = instant.truncatedToMilliseconds
        var next = self
        if let lineIDs {
            try next.checkLineSelection(lineIDs, for: action)
        }
        let selected = { (line: BookingLine) in lineIDs?.contains(line.id) ?? true }

        switch action {
        case .checkIn where status == .checkedIn && lineIDs != nil:
            break // a further line arrives; the booking is already checked in
        case .checkOut where lineIDs != nil && lines.contains(where: { $0.holds && !selected($0) })
            && (status == .checkedIn || status == .active):
            break // some lines leave, others stay
        default:
            guard status.canMove(to: action.target) else {
                throw .invalidTransition(from: status, to: action.target, allowed: status.allowedNext)
            }
            next.status = action.target
        }

        switch action {
        case .confirm:
            break
        case .checkIn:
            for i in next.lines.indices where selected(next.lines[i]) { next.lines[i].occupy(at: at) }
        case .start:
            next.actualStartAt = next.actualStartAt ?? at
            for i in next.lines.indices { next.lines[i].occupy(at: at) }
        case .checkOut:
            for i in next.lines.indices where selected(next.lines[i]) { next.lines[i].release(at: at) }
            if next.status == .completed {
                next.actualStartAt = next.actualStartAt ?? at
                next.actualEndAt = next.actualEndAt ?? at
            }
        case .cancel, .noShow, .expire:
            for i in next.lines.indices { next.lines[i].release(at: at) }
            if action == .cancel { next.cancellationReason = reason }
        }
        try checkDepartures(to: next, at: at)
        next.version += 1
        next.updatedAt = now.truncatedToMilliseconds
        return next
    }

    /// A line leaves no earlier than it arrived, as a checkin does: a 422 on `at`.
    private func checkDepartures(to next: Booking, at: Date) throws(FrontdeskError) {
        var v = Validator()
        for (line, after) in zip(lines, next.lines) where line.state == .occupied && after.state == .released {
            guard let arrived = line.checkedInAt else { continue }
            v.check(at >= arrived, "at", "must not be before line \(line.id.text)'s check-in (\(InstantFormat.string(from: arrived)))")
        }
        try v.validate()
    }

    private func checkLineSelection(_ lineIDs: Set<UUID>, for action: BookingAction) throws(FrontdeskError) {
        var v = Validator()
        v.check(action == .checkIn || action == .checkOut, "line_ids", "only check-in and check-out take line_ids")
        v.check(!lineIDs.isEmpty, "line_ids", "must name at least one line")
        for id in lineIDs {
            guard let line = lines.first(where: { $0.id == id }) else {
                v.check(false, "line_ids", "\(id.text) is not a line of this booking")
                continue
            }
            if action == .checkIn {
                v.check(line.state == .reserved, "line_ids", "\(id.text) is already \(line.state.rawValue)")
            } else {
                // A line already released (checked out earlier) cannot leave again.
                v.check(line.holds && (line.state == .occupied || status == .active), "line_ids",
                        "\(id.text) is not checked in")
            }
        }
        try v.validate()
    }
}
