import Foundation

/// Time spread over the hours of the day on a zone's clocks: `[9]` is the time spent between 09:00
/// and 10:00 local, whatever the day. Read through the zone's offsets and their transitions, so a
/// day that skips 02:00 gives it none and one that repeats 02:00 gives it both.
struct LocalHours: Sendable, Hashable {
    private(set) var milliseconds = [Int64](repeating: 0, count: 24)

    private static let hour: Int64 = 3_600_000

    /// Adds `window`'s time, hour by hour of `zone`'s clocks.
    mutating func add(_ window: TimeWindow, in zone: TimeZone) {
        var instant = window.start.epochMilliseconds
        let end = window.end.epochMilliseconds
        var (offset, transition) = Self.offset(at: instant, in: zone)
        while instant < end {
            if instant >= transition { (offset, transition) = Self.offset(at: instant, in: zone) }
            let local = instant + offset
            let hourStart = local - Self.modulo(local, Self.hour)
            let next = min(hourStart + Self.hour - offset, transition, end)
            milliseconds[Int(Self.modulo(hourStart / Self.hour, 24))] += next - instant
            instant = next
        }
    }

    mutating func add(_ other: LocalHours) {
        for hour in 0..<24 { milliseconds[hour] += other.milliseconds[hour] }
    }

    /// The zone's offset at `instant` and the instant it next changes (or never).
    private static func offset(at instant: Int64, in zone: TimeZone) -> (offset: Int64, until: Int64) {
        let date = Date(epochMilliseconds: instant)
        let offset = Int64(zone.secondsFromGMT(for: date)) * 1000
        let until = zone.nextDaylightSavingTimeTransition(after: date)?.epochMilliseconds ?? .max
        return (offset, max(until, instant + 1))
    }

    /// `value mod divisor` in `0..<divisor`, for instants before 1970 too.
    private static func modulo(_ value: Int64, _ divisor: Int64) -> Int64 {
        let remainder = value % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }
}
