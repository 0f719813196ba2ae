import Foundation

/// A visit in progress in a resource: a checkin checked in and not out, and its booking's number.
public struct Visit: Sendable, Hashable {
    public var checkinID: UUID
    public var bookingNumber: String?

    public init(checkinID: UUID, bookingNumber: String? = nil) {
        self.checkinID = checkinID
        self.bookingNumber = bookingNumber
    }
}

/// A visit beginning: a checkin that a write puts in progress (checked in, or its check-out undone),
/// with the booking line it is the presence of, when the write moves that line.
public struct Arrival: Sendable, Hashable {
    public var checkin: Checkin
    public var line: BookingLine?
    /// Its check-out undone: its line, released meanwhile, holds its resource again.
    public var resumed: Bool

    public init(checkin: Checkin, line: BookingLine? = nil, resumed: Bool = false) {
        self.checkin = checkin
        self.line = line
        self.resumed = resumed
    }

    /// The line, when it holds its resource again, and so must fit in it (see `Presence.held`).
    public var lineHeldAgain: BookingLine? { resumed ? line : nil }
}

/// A resource as a check-in sees it inside the write's transaction: its settings, the time zone its
/// days are read in (its location's, else the organization's), the visits in progress in it, and,
/// when a line holds it again (`Arrival.lineHeldAgain`), the other lines holding it around that one.
public struct Presence: Sendable, Hashable {
    public var resource: Resource
    public var timeZone: TimeZone
    /// The visits in progress in it, when a store reads them: it may read only how many there are
    /// (`inProgress`) when they leave room for the arrivals whichever they are (`mayBeFull`).
    public var visits: [Visit]
    /// How many visits are in progress in it: `visits.count` unless a store counted them alone.
    public var inProgress: Int
    public var held: [HeldLine]

    public init(resource: Resource, timeZone: TimeZone, visits: [Visit], inProgress: Int? = nil, held: [HeldLine] = []) {
        self.resource = resource
        self.timeZone = timeZone
        self.visits = visits
        self.inProgress = inProgress ?? visits.count
        self.held = held
    }

    /// Whether `inProgress` visits in a resource of `capacity` might leave no room for `arriving`
    /// more: only then does `admit` need to see them (a gym floor holds hundreds, read on every
    /// check-in otherwise).
    public static func mayBeFull(capacity: Int, inProgress: Int, arriving: Int) -> Bool {
        inProgress + arriving > capacity
    }

    /// The resources of `presence`, their visits counted, that `arrivals` might find with no room:
    /// those whose visits a store reads for `admit`.
    public static func mayBeFull(_ presence: [UUID: Presence], for arrivals: [Arrival]) -> [UUID] {
        let arriving = Dictionary(grouping: arrivals, by: \.checkin.resourceID)
        return presence.values.filter { here in
            mayBeFull(capacity: here.resource.capacity, inProgress: here.inProgress, arriving: arriving[here.resource.id]?.count ?? 0)
        }.map(\.resource.id)
    }

    /// Whether `arrivals` may begin, each in its resource as `presence` has it (a resource missing
    /// there is not checked): an out-of-service resource cannot be checked into (409
    /// `resource_out_of_service`); a booking line opens at the start of its first local day (409
    /// `too_early`, with the time it opens); a resource of capacity N holds N visits at once, and
    /// one more is 409 `resource_occupied`, naming the visits in the way; a line that holds its
    /// resource again (its check-out undone) must fit beside the lines booked meanwhile, as a new
    /// booking would (409 `booking_conflict`). The same rule on every path in: a booking's or a
    /// line's check-in, a walk-in, a checkin's check-in, an undone check-out.
    public static func admit(_ arrivals: [Arrival], into presence: [UUID: Presence]) throws(FrontdeskError) {
        for arrival in arrivals {
            guard let here = presence[arrival.checkin.resourceID], let at = arrival.checkin.checkIn else { continue }
            if here.resource.status == .outOfService {
                throw .conflict(code: "resource_out_of_service", detail:
                    "\(here.resource.name) (\(here.resource.id.text)) is out of service: it cannot be checked into.")
            }
            if let line = arrival.line {
                let opensAt = LocalDate(line.window.start, in: here.timeZone).instant(at: LocalTime("00:00")!, in: here.timeZone)
                if at < opensAt { throw .tooEarly(lineID: line.id, opensAt: opensAt) }
            }
            if let line = arrival.lineHeldAgain {
                // The write's instant is its checkin's.
                let now = arrival.checkin.updatedAt
                let held = here.held.map { $0.holding(at: now) }
                let window = Occupancy.heldWindow(line.window, checkedIn: true, at: now)
                if Occupancy.remaining(capacity: here.resource.capacity, held: held, within: window) < 1 {
                    throw .bookingConflict([BookingConflict(resourceID: here.resource.id, resourceName: here.resource.name,
                                                            bookingNumbers: Occupancy.blockingNumbers(held, within: window))])
                }
            }
        }
        for (resourceID, arriving) in Dictionary(grouping: arrivals, by: \.checkin.resourceID) {
            guard let here = presence[resourceID],
                  mayBeFull(capacity: here.resource.capacity, inProgress: here.inProgress, arriving: arriving.count)
            else { continue }
            let arrivingIDs = Set(arriving.map(\.checkin.id))
            let others = here.visits.filter { !arrivingIDs.contains($0.checkinID) }
            if others.count + arriving.count > here.resource.capacity {
                throw .resourceOccupied(resourceID: resourceID, resourceName: here.resource.name, visits: others)
            }
        }
    }
}
