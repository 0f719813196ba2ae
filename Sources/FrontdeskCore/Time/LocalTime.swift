import Foundation

/// A wall-clock time of day (`HH:MM`), such as a hotel's check-in time.
public struct LocalTime: Sendable, Hashable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              parts.allSatisfy(\.isDigits),
              let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        (hour, minute) = (h, m)
    }

    /// Minutes since midnight.
    public var minutes: Int { hour * 60 + minute }

    /// The wall-clock time of `instant` in `timeZone`, to the minute.
    public init(_ instant: Date, in timeZone: TimeZone) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        let minutes = (seconds / 60).modulo(24 * 60)
        (hour, minute) = (minutes / 60, minutes % 60)
    }

    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
