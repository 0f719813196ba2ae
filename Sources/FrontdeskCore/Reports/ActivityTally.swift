import Foundation

/// A scope's activity while a report adds it up, exact to the millisecond; `figures` rounds it once.
struct ActivityTally: Sendable {
    var bookedMilliseconds: Int64 = 0
    var usedMilliseconds: Int64 = 0
    /// Bookings, so that a no-show of two rooms counts once for their location.
    var noShowBookings: Set<UUID> = []
    var visits = 0
    var visitMilliseconds: Int64 = 0
    var idleMilliseconds: Int64 = 0
    var hours = LocalHours()

    /// How many hours `figures` lists in `peak_hours`.
    static let peakHourCount = 3

    mutating func add(_ other: ActivityTally) {
        bookedMilliseconds += other.bookedMilliseconds
        usedMilliseconds += other.usedMilliseconds
        noShowBookings.formUnion(other.noShowBookings)
        visits += other.visits
        visitMilliseconds += other.visitMilliseconds
        idleMilliseconds += other.idleMilliseconds
        hours.add(other.hours)
    }

    var figures: ActivityFigures {
        let rate = bookedMilliseconds == 0
            ? 0 : (Double(usedMilliseconds) / Double(bookedMilliseconds) * 10_000).rounded() / 10_000
        // The busiest hours first (the earlier of two as busy), leaving out those under half a minute.
        let peaks = hours.milliseconds.enumerated()
            .sorted { ($0.element, -$0.offset) > ($1.element, -$1.offset) }
            .map { PeakHour(hour: $0.offset, visitMinutes: Self.minutes($0.element)) }
            .filter { $0.visitMinutes > 0 }
        return ActivityFigures(
            bookedMinutes: Self.minutes(bookedMilliseconds), usedMinutes: Self.minutes(usedMilliseconds),
            utilizationRate: rate, noShows: noShowBookings.count, visits: visits,
            visitMinutes: Self.minutes(visitMilliseconds), idleMinutes: Self.minutes(idleMilliseconds),
            peakHours: Array(peaks.prefix(Self.peakHourCount)))
    }

    /// Milliseconds to the nearest whole minute, half a minute up.
    static func minutes(_ milliseconds: Int64) -> Int { Int((milliseconds + 30_000) / 60_000) }
}
