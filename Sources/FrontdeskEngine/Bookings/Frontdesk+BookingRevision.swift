import Foundation
import FrontdeskCore

/// Changing a booking once it is made (`BookingRevision`): each change is one transaction with its
/// audit entry (before and after) and event, honours `ifMatch`, and checks the time it adds with
/// the rule and the `409 booking_conflict` of a new booking. Requires `booking:update`.
extension Frontdesk {
    /// Adds `resourceID` for `window` (by default the booking's window: its first start to its last
    /// end, and its dates when every line was booked by the same).
    public func addBookingLine(
        _ caller: Caller, _ reference: BookingReference, resourceID: UUID, window: WindowSpec? = nil, ifMatch: Int? = nil
    ) async throws -> Booking {
        try caller.require(.bookingUpdate)
        let (resolved, dates): (TimeWindow, StayDates?)
        switch window {
        case .instants(let instants)?:
            (resolved, dates) = (instants, nil)
        case .dates(let stay)?:
            let desk = try await desks(of: [resourceID], caller)[resourceID]!
            (resolved, dates) = (window!.resolve(in: desk.timeZone, settings: desk.settings), stay)
        case nil:
            let booking = try await self.booking(caller, reference)
            let shared = Set(booking.lines.map(\.dates))
            (resolved, dates) = (booking.window, shared.count == 1 ? shared.first! : nil)
        }
        return try await revise(caller, reference, .addLine(resourceID: resourceID, window: resolved, dates: dates),
                                ifMatch: ifMatch)
    }

    /// Releases a line not checked in; the booking's last line cannot go (cancel the booking).
    public func removeBookingLine(
        _ caller: Caller, _ reference: BookingReference, lineID: UUID, ifMatch: Int? = nil
    ) async throws -> Booking {
        try caller.require(.bookingUpdate)
        return try await revise(caller, reference, .removeLine(lineID), ifMatch: ifMatch)
    }

    /// Swaps a line's resource (before it is checked in), or moves its start or end (a checked-in
    /// line keeps its start); edges given as dates are read at the desk times of the line's
    /// (new) resource's location.
    public func changeBookingLine(
        _ caller: Caller, _ reference: BookingReference, lineID: UUID, resourceID: UUID? = nil, window edit: WindowEdit = .init(),
        ifMatch: Int? = nil
    ) async throws -> Booking {
        try caller.require(.bookingUpdate)
        var v = Validator()
        v.check(resourceID != nil || !edit.isEmpty, "resource_id", "give resource_id, a new start or end, or both")
        try v.validate()
        var (window, dates): (TimeWindow?, StayDates?) = (nil, nil)
        if !edit.isEmpty {
            let booking = try await self.booking(caller, reference)
            guard let line = booking.lines.first(where: { $0.id == lineID }) else {
                throw FrontdeskError.notFound(entity: "booking line", id: lineID.text)
            }
            let resource = resourceID ?? line.resourceID
            let desk = edit.needsDesk ? try await desks(of: [resource], caller)[resource] : nil
            window = edit.applied(to: line.window, desk: desk)
            dates = edit.dates(after: line.dates)
        }
        return try await revise(caller, reference, .changeLine(lineID, resourceID: resourceID, window: window, dates: dates),
                                ifMatch: ifMatch)
    }

    /// Gives the booking to another live member, audited with the old and the new.
    public func changeBookingMember(
        _ caller: Caller, _ reference: BookingReference, memberID: UUID, ifMatch: Int? = nil
    ) async throws -> Booking {
        try caller.require(.bookingUpdate)
        return try await revise(caller, reference, .changeMember(memberID), ifMatch: ifMatch)
    }

    private func revise(
        _ caller: Caller, _ reference: BookingReference, _ revision: BookingRevision, ifMatch: Int?
    ) async throws -> Booking {
        try await requireVisible(reference, caller)
        try await requireVisible(resources: revision.resourceID.map { [$0] } ?? [], caller)
        let (actor, newID, lineID) = (caller.actor, self.newID, self.newID())
        let memberID: UUID? = if case .changeMember(let id) = revision { id } else { nil }
        return try await store.reviseBooking(caller.organizationID, reference, memberID: memberID, now: now,
                                             requested: revision.requested(of:)) { context in
            let now = self.now  // in the transaction, as for checkins
            try Self.check(ifMatch, version: context.booking.version)
            let (next, line) = try context.booking.revised(revision, newLineID: lineID, resources: context.resources,
                                                           memberName: context.memberName, now: now)
            return try Self.change(next, before: context.booking, linked: context.linked, type: revision.eventType,
                                   line: line, action: revision.auditAction, actor: actor, reason: nil, at: now, newID: newID)
        }
    }

}

extension BookingRevision {
    /// The audit entry's `action`.
    var auditAction: String {
        switch self {
        case .addLine: "add_line"
        case .removeLine: "remove_line"
        case .changeLine: "change_line"
        case .changeMember: "change_member"
        }
    }
}

/// A line's new start or end, or both, as a client gives them: instants, or dates read at the
/// location's check-in time (a start) and check-out time (an end).
public struct WindowEdit: Sendable, Hashable {
    public enum Edge: Sendable, Hashable {
        case instant(Date)
        case date(LocalDate)
    }

    public var start: Edge?
    public var end: Edge?

    public init(start: Edge? = nil, end: Edge? = nil) {
        self.start = start
        self.end = end
    }

    /// Reads `starts_at` or `check_in`, and `ends_at` or `check_out` (each pair: one or the other).
    public init(startsAt: Date?, endsAt: Date?, checkIn: String?, checkOut: String?) throws(FrontdeskError) {
        func date(_ text: String?, _ name: String) throws(FrontdeskError) -> LocalDate? {
            guard let text else { return nil }
            do { return try LocalDate.parse(text) } catch { throw error.problem(name) }
        }
        let (stayIn, stayOut) = (try date(checkIn, "check_in"), try date(checkOut, "check_out"))
        var v = Validator()
        v.check(startsAt == nil || stayIn == nil, "check_in", "give starts_at or check_in, not both")
        v.check(endsAt == nil || stayOut == nil, "check_out", "give ends_at or check_out, not both")
        v.bookable(startsAt, "starts_at")
        v.bookable(endsAt, "ends_at")
        v.bookable(stayIn, "check_in")
        v.bookable(stayOut, "check_out")
        try v.validate()
        start = startsAt.map(Edge.instant) ?? stayIn.map(Edge.date)
        end = endsAt.map(Edge.instant) ?? stayOut.map(Edge.date)
    }

    public var isEmpty: Bool { start == nil && end == nil }

    var needsDesk: Bool {
        [start, end].contains { if case .date? = $0 { true } else { false } }
    }

    /// The dates a line booked by `dates` is booked by once its edges move: a date moves its day,
    /// an instant leaves the line without dates (as does a line that had none but gets both).
    func dates(after dates: StayDates?) -> StayDates? {
        switch (start, end) {
        case (.date(let checkIn)?, .date(let checkOut)?): StayDates(checkIn: checkIn, checkOut: checkOut)
        case (.date(let checkIn)?, nil): dates.map { StayDates(checkIn: checkIn, checkOut: $0.checkOut) }
        case (nil, .date(let checkOut)?): dates.map { StayDates(checkIn: $0.checkIn, checkOut: checkOut) }
        default: nil
        }
    }

    /// `window` with the edges given moved.
    func applied(to window: TimeWindow, desk: LocalDesk?) -> TimeWindow {
        func instant(_ edge: Edge?, at time: (DeskSettings) -> LocalTime) -> Date? {
            switch edge {
            case .instant(let instant)?: instant
            case .date(let date)?: desk.map { date.instant(at: time($0.settings), in: $0.timeZone) }
            case nil: nil
            }
        }
        return TimeWindow(start: instant(start, at: \.checkIn) ?? window.start, end: instant(end, at: \.checkOut) ?? window.end)
    }
}
