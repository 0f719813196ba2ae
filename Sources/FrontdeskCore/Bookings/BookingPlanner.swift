import Foundation

/// A resource as the planner sees it inside the booking transaction: its settings, the time zone
/// its dates are read in, and the other bookings' lines that hold it around the requested window.
public struct BookableResource: Sendable, Hashable {
    public var resource: Resource
    public var timeZone: TimeZone
    public var held: [HeldLine]

    public init(resource: Resource, timeZone: TimeZone, held: [HeldLine]) {
        self.resource = resource
        self.timeZone = timeZone
        self.held = held
    }
}

/// Decides whether a booking may be made and what it is: conflicts, prices, stamps.
/// It runs inside the store's transaction, on the rows that transaction has locked.
public enum BookingPlanner {
    public static func plan(
        _ request: BookingRequest, id: UUID, lineIDs: [UUID], organization: Organization,
        resources: [UUID: BookableResource], memberName: String?, now: Date
    ) throws(FrontdeskError) -> Booking {
        try request.validate()
        var v = Validator()
        v.check(memberName != nil, "member_id", "no such member")
        for (i, line) in request.lines.enumerated() {
            v.check(resources[line.resourceID] != nil, "lines[\(i)].resource_id", "no such resource")
        }
        try v.validate()

        let outOfService = request.resourceIDs.filter { resources[$0]!.resource.status == .outOfService }
        if !outOfService.isEmpty {
            throw .conflict(code: "resource_out_of_service", detail: "Out of service: "
                + outOfService.map { $0.text }.sorted().joined(separator: ", ") + ".")
        }
        try checkConflicts(request.lines, resources: resources, now: now)

        let at = now.truncatedToMilliseconds
        var lines: [BookingLine] = []
        for (line, lineID) in zip(request.lines, lineIDs) {
            let bookable = resources[line.resourceID]!
            let amount = bookable.resource.price(line.window, in: bookable.timeZone)
            lines.append(BookingLine(id: lineID, resourceID: line.resourceID, window: line.window, dates: line.dates, amount: amount)
                .named(by: bookable.resource))
        }
        var booking = Booking(
            id: id, organizationID: organization.id, number: "", status: request.status,
            memberID: request.memberID, locationID: resources[request.lines[0].resourceID]!.resource.locationID, lines: lines, source: request.source, notes: request.notes,
            currency: organization.currency, createdAt: at, updatedAt: at, memberName: memberName)
        if request.status == .active {
            // A walk-in: the member is at the desk, so the rental starts now.
            booking.actualStartAt = at
            for i in booking.lines.indices { booking.lines[i].occupy(at: at) }
        }
        return booking
    }

    /// Every requested line must fit in its resource's capacity alongside the lines already held, as
    /// they hold at `now` (an overdue line holds on; a booking holds each resource once:
    /// `BookingRequest.validate`).
    static func checkConflicts(
        _ lines: [BookingRequest.Line], resources: [UUID: BookableResource], now: Date
    ) throws(FrontdeskError) {
        var conflicts: [BookingConflict] = []
        for line in lines {
            let bookable = resources[line.resourceID]!
            let held = bookable.held.map { $0.holding(at: now) }
            if Occupancy.remaining(capacity: bookable.resource.capacity, held: held, within: line.window) < 1 {
                conflicts.append(BookingConflict(
                    resourceID: line.resourceID, resourceName: bookable.resource.name,
                    bookingNumbers: Occupancy.blockingNumbers(held, within: line.window)))
            }
        }
        guard conflicts.isEmpty else {
            throw .bookingConflict(conflicts.sorted { $0.resourceID.text < $1.resourceID.text })
        }
    }
}
