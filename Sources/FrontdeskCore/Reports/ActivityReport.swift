import Foundation

/// How much of what was booked was used, and how the places were visited, over a period: per
/// resource, per location (its resources added up) and for the organization. The seed's space
/// utilization: a checkin's `check_in` and `check_out` are the occupied interval, compared with the
/// booked window. Computed here from what the store read (`ActivityFacts`), so that both stores
/// report the same figures.
public struct ActivityReport: Sendable {
    public struct ResourceRow: Sendable, Hashable {
        public var resourceID: UUID
        public var locationID: UUID
        public var name: String
        public var figures: ActivityFigures
    }

    public struct LocationRow: Sendable, Hashable {
        public var locationID: UUID
        public var name: String
        public var figures: ActivityFigures
    }

    /// The statuses of bookings whose lines count as booked: those that hold their resources, and
    /// `completed`, which held them. Cancelled and expired ones never were used; `no_show` ones
    /// are counted apart.
    public static let bookedStatuses = BookingStatus.holding.union([.completed])

    public var period: TimeWindow
    public var organizationID: UUID
    public var organizationName: String
    public var organization: ActivityFigures
    /// By name, then id.
    public var locations: [LocationRow]
    /// By name, then id.
    public var resources: [ResourceRow]

    /// The report of `query` over `facts`, at `now`: a stay still in progress runs until now, and the
    /// time after now is neither used nor idle. Peak hours are read on the clocks of each resource's
    /// location (its time zone, else the organization's).
    public init(_ facts: ActivityFacts, query: ActivityQuery, organization: Organization, now: Date) {
        let period = query.period
        let places = facts.places.filter { place in
            (query.resourceID.map { $0 == place.resource.id } ?? true)
                && (query.locationID.map { $0 == place.resource.locationID } ?? true)
        }
        let zones = Dictionary(facts.locations.map { ($0.id, Location.zone($0.timeZone, else: organization.zone)) },
                               uniquingKeysWith: { first, _ in first })
        var tallies = Dictionary(places.map { ($0.resource.id, ActivityTally()) }, uniquingKeysWith: { first, _ in first })
        let staysOfLines = Dictionary(grouping: facts.stays.filter { $0.bookingLineID != nil }, by: { $0.bookingLineID! })

        for line in facts.lines where tallies[line.resourceID] != nil {
            guard let booked = line.window.clipped(to: period) else { continue }
            if line.status == .noShow { tallies[line.resourceID]!.noShowBookings.insert(line.bookingID) }
            guard Self.bookedStatuses.contains(line.status) else { continue }
            let own = line.checkedInAt.map { TimeWindow(start: $0, end: line.checkedOutAt ?? now) }
            let stays = (staysOfLines[line.id] ?? []).map { $0.occupied(until: now) }
            tallies[line.resourceID]!.bookedMilliseconds += booked.milliseconds
            tallies[line.resourceID]!.usedMilliseconds += TimeWindow.coveredMilliseconds(
                ([own].compactMap { $0 } + stays).compactMap { $0.clipped(to: booked) })
        }

        var visited: [UUID: [TimeWindow]] = [:]
        let staysOfResources = Dictionary(grouping: facts.stays, by: \.resourceID)
        for place in places {
            let resource = place.resource
            let zone = zones[resource.locationID] ?? organization.zone
            for stay in staysOfResources[resource.id] ?? [] where stay.isIn(period, now: now) {
                tallies[resource.id]!.visits += 1
                guard let time = stay.occupied(until: now).clipped(to: period) else { continue }
                tallies[resource.id]!.visitMilliseconds += time.milliseconds
                tallies[resource.id]!.hours.add(time, in: zone)
                visited[resource.id, default: []].append(time)
            }
            // Idle: the resource's time in the period (since it exists, until now or its deletion)
            // that no visit covers.
            let existing = TimeWindow(start: max(period.start, resource.createdAt),
                                      end: min(period.end, now, place.deletedAt ?? period.end))
            guard !existing.isEmpty else { continue }
            let covered = TimeWindow.coveredMilliseconds((visited[resource.id] ?? []).compactMap { $0.clipped(to: existing) })
            tallies[resource.id]!.idleMilliseconds += existing.milliseconds - covered
        }

        var byLocation: [UUID: ActivityTally] = [:]
        var whole = ActivityTally()
        for place in places {
            byLocation[place.resource.locationID, default: ActivityTally()].add(tallies[place.resource.id]!)
            whole.add(tallies[place.resource.id]!)
        }
        // Every location when the report is the organization's; else the one asked for, or the resource's.
        let shown = facts.locations.filter { location in
            query.locationID.map { $0 == location.id } ?? (query.resourceID == nil || byLocation[location.id] != nil)
        }

        self.period = period
        organizationID = organization.id
        organizationName = organization.name
        self.organization = whole.figures
        locations = shown
            .map { LocationRow(locationID: $0.id, name: $0.name, figures: (byLocation[$0.id] ?? ActivityTally()).figures) }
            .sorted { ($0.name, $0.locationID.text) < ($1.name, $1.locationID.text) }
        resources = places
            .map { place in
                ResourceRow(resourceID: place.resource.id, locationID: place.resource.locationID, name: place.resource.name,
                            figures: tallies[place.resource.id]!.figures)
            }
            .sorted { ($0.name, $0.resourceID.text) < ($1.name, $1.resourceID.text) }
    }
}

extension ActivityFacts.Stay {
    /// From the check-in to the check-out, or until `now` while in progress (empty if `now` is
    /// before the check-in, a clock's skew).
    func occupied(until now: Date) -> TimeWindow {
        TimeWindow(start: checkIn, end: checkOut ?? max(now, checkIn))
    }

    /// Whether the visit belongs to `period`, as seen at `now`: it checked in before the period's
    /// end, and was still there when the period began or arrived since (a visit checked out the
    /// instant it checked in, inside the period, is one; one in progress is not yet in a period
    /// still to come).
    func isIn(_ period: TimeWindow, now: Date) -> Bool {
        checkIn < period.end && (checkIn >= period.start || (checkOut ?? now) > period.start)
    }
}
