import Foundation

/// A change of a booking at the desk once it is made: a room added mid-stay or a second bike, a
/// line released, a resource swapped, a stay extended or shortened, another member (seed 003's
/// "Managing Rooms During a Stay" and "Guest Change", seed 002's swap and extension).
public enum BookingRevision: Sendable, Hashable {
    case addLine(resourceID: UUID, window: TimeWindow, dates: StayDates? = nil)
    /// Releases a line not checked in from the booking.
    case removeLine(UUID)
    /// Moves a line to another resource (before it is checked in) or another window (a checked-in
    /// line keeps its start), or both; `dates` are those the new window was given by (nil: instants).
    case changeLine(UUID, resourceID: UUID?, window: TimeWindow?, dates: StayDates? = nil)
    case changeMember(UUID)

    /// The event it fires; its data names the line for a line's change.
    public var eventType: EventType {
        switch self {
        case .addLine: .bookingLineAdded
        case .removeLine: .bookingLineRemoved
        case .changeLine: .bookingLineChanged
        case .changeMember: .bookingMemberChanged
        }
    }

    /// The resource it moves to or adds, if any.
    public var resourceID: UUID? {
        switch self {
        case .addLine(let resourceID, _, _), .changeLine(_, let resourceID?, _, _): resourceID
        case .changeLine, .removeLine, .changeMember: nil
        }
    }

    /// The resources and windows the booking would newly hold, which the store reads (and locks)
    /// with the lines holding them, as for a new booking. A line not found asks for nothing.
    public func requested(of booking: Booking) -> [BookingRequest.Line] {
        switch self {
        case .addLine(let resourceID, let window, _):
            return [BookingRequest.Line(resourceID: resourceID, window: window)]
        case .changeLine(let id, let resourceID, let window, _):
            guard let line = booking.lines.first(where: { $0.id == id }) else { return [] }
            return [BookingRequest.Line(resourceID: resourceID ?? line.resourceID, window: window ?? line.window)]
        case .removeLine, .changeMember:
            return []
        }
    }
}

extension Booking {
    /// Whether its lines and member may still change: while it is `pending`, `confirmed`,
    /// `checked_in` or `active`.
    public var isRevisable: Bool { [.pending, .confirmed, .checkedIn, .active].contains(status) }

    /// The booking after `revision`, with a new version, the lines it touches priced again and the
    /// time it adds checked against the other bookings (`BookingPlanner.checkConflicts`: the same
    /// rule and `409 booking_conflict` as a new booking). `resources` are those `requested(of:)`
    /// named, with the lines holding them (this booking's among them, which it does not conflict
    /// with); `newLineID` names an added line; `memberName` is the name of the member a
    /// `changeMember` names, nil when there is no such member.
    public func revised(
        _ revision: BookingRevision, newLineID: UUID, resources: [UUID: BookableResource], memberName: String?, now: Date
    ) throws(FrontdeskError) -> (booking: Booking, line: BookingLine?) {
        guard isRevisable else {
            throw .conflict(code: "booking_closed",
                            detail: "Booking \(number) is \(status.rawValue): its lines and member can no longer change.")
        }
        var next = self
        var touched: BookingLine?
        switch revision {
        case .addLine(let resourceID, let window, let dates):
            let added = BookingLine(id: newLineID, resourceID: resourceID, window: window, dates: dates, amount: 0)
            try Self.check(window)
            try checkResource(resourceID, "resource_id", resources)
            try checkNotHeld(resourceID, resources)
            guard lines.count < BookingRequest.maxLines else {
                throw .validationFailed([FieldIssue("resource_id", "a booking holds at most \(BookingRequest.maxLines) lines")])
            }
            try checkAdded([window], on: resourceID, resources, now: now)
            next.lines.append(priced(added, resources))
            touched = next.lines.last
        case .removeLine(let id):
            let (index, line) = try self.line(id)
            try checkNotCheckedIn(line, "removed")
            guard lines.count > 1 else {
                throw .validationFailed([FieldIssue("line_id", "is the booking's last line: cancel the booking instead")])
            }
            next.lines.remove(at: index)
            touched = line
        case .changeLine(let id, let resourceID, let window, let dates):
            let (index, line) = try self.line(id)
            var changed = line
            guard line.state != .released else {
                throw .conflict(code: "booking_line_released", detail: "Line \(id.text) of booking \(number) is released: it can no longer change.")
            }
            if let resourceID, resourceID != line.resourceID {
                try checkNotCheckedIn(line, "moved to another resource")
                try checkResource(resourceID, "resource_id", resources)
                try checkNotHeld(resourceID, resources)
                changed.resourceID = resourceID
                changed = changed.named(by: resources[resourceID]!.resource)
            }
            if let window {
                try Self.check(window)
                if line.state == .occupied, window.start != line.window.start {
                    throw .validationFailed([FieldIssue("starts_at", "a checked-in line keeps its start (\(InstantFormat.string(from: line.window.start)))")])
                }
                changed.window = window
                changed.dates = dates
            }
            // Only the time the line did not hold on its resource is checked: a swap checks all of it.
            let added = changed.resourceID == line.resourceID ? changed.window.subtracting(line.window) : [changed.window]
            try checkAdded(added, on: changed.resourceID, resources, now: now)
            next.lines[index] = changed.resourceID == line.resourceID && changed.window == line.window
                ? changed : priced(changed, resources)
            touched = next.lines[index]
        case .changeMember(let memberID):
            guard let memberName else { throw .validationFailed([FieldIssue("member_id", "no such member")]) }
            next.memberID = memberID
            next.memberName = memberName
        }
        guard next != self else {
            throw .validationFailed([FieldIssue(revision.field, "changes nothing")])
        }
        next.version += 1
        next.updatedAt = now.truncatedToMilliseconds
        return (next, touched)
    }

    /// A line's window as a new booking's: it ends after it starts, and lasts at most
    /// `BookingRequest.maxLineDuration`.
    private static func check(_ window: TimeWindow) throws(FrontdeskError) {
        var v = Validator()
        v.check(window.start < window.end, "ends_at", "must be after starts_at")
        v.check(window.duration <= BookingRequest.maxLineDuration, "ends_at", "a line may last at most 400 days")
        try v.validate()
    }

    private func line(_ id: UUID) throws(FrontdeskError) -> (Int, BookingLine) {
        guard let index = lines.firstIndex(where: { $0.id == id }) else {
            throw .notFound(entity: "booking line", id: id.text)
        }
        return (index, lines[index])
    }

    private func checkNotCheckedIn(_ line: BookingLine, _ what: String) throws(FrontdeskError) {
        guard line.state == .reserved else {
            throw .conflict(code: "line_checked_in",
                            detail: "Line \(line.id.text) of booking \(number) was checked in: it cannot be \(what).")
        }
    }

    private func checkResource(_ id: UUID, _ field: String, _ resources: [UUID: BookableResource]) throws(FrontdeskError) {
        guard let bookable = resources[id] else { throw .validationFailed([FieldIssue(field, "no such resource")]) }
        if bookable.resource.status == .outOfService {
            throw .conflict(code: "resource_out_of_service", detail: "Out of service: \(bookable.resource.name) (\(id.text)).")
        }
    }

    /// A booking holds a resource once: a 422 naming it.
    private func checkNotHeld(_ resourceID: UUID, _ resources: [UUID: BookableResource]) throws(FrontdeskError) {
        if lines.contains(where: { $0.resourceID == resourceID }) {
            let name = resources[resourceID]?.resource.name ?? ""
            throw .validationFailed([FieldIssue("resource_id", "\(name) (\(resourceID.text)) is already a line of booking \(number)")])
        }
    }

    /// The windows newly held on a resource fit beside the other bookings' lines.
    private func checkAdded(_ windows: [TimeWindow], on resourceID: UUID, _ resources: [UUID: BookableResource],
                            now: Date) throws(FrontdeskError) {
        guard var bookable = resources[resourceID] else { return }
        bookable.held.removeAll { $0.bookingNumber == number }
        try BookingPlanner.checkConflicts(windows.map { BookingRequest.Line(resourceID: resourceID, window: $0) },
                                          resources: [resourceID: bookable], now: now)
    }

    private func priced(_ line: BookingLine, _ resources: [UUID: BookableResource]) -> BookingLine {
        guard let bookable = resources[line.resourceID] else { return line }
        var line = line.named(by: bookable.resource)
        line.amount = bookable.resource.price(line.window, in: bookable.timeZone)
        return line
    }
}

extension BookingRevision {
    /// The request's field a revision that changes nothing is reported on.
    var field: String {
        switch self {
        case .addLine: "resource_id"
        case .removeLine: "line_id"
        case .changeLine: "resource_id"
        case .changeMember: "member_id"
        }
    }
}

extension TimeWindow {
    /// The parts of this window outside `other`: none, one or two windows.
    public func subtracting(_ other: TimeWindow) -> [TimeWindow] {
        var parts: [TimeWindow] = []
        if start < other.start { parts.append(TimeWindow(start: start, end: Swift.min(end, other.start))) }
        if end > other.end { parts.append(TimeWindow(start: Swift.max(start, other.end), end: end)) }
        return parts
    }
}
