import Foundation

/// A half-open interval of time `[start, end)`. Two windows that only touch do not overlap.
public struct TimeWindow: Sendable, Hashable, Codable {
    public var start: Date
    public var end: Date

    /// Creates a window; both ends are truncated to whole milliseconds so every store agrees.
    public init(start: Date, end: Date) {
        self.start = start.truncatedToMilliseconds
        self.end = end.truncatedToMilliseconds
    }

    public var isEmpty: Bool { end <= start }
    public var duration: TimeInterval { end.timeIntervalSince(start) }

    /// Half-open overlap: `a.start < b.end && a.end > b.start`.
    public func overlaps(_ other: TimeWindow) -> Bool {
        start < other.end && end > other.start
    }
}

extension Date {
    /// Instants are kept at millisecond precision: SQLite and PostgreSQL then round-trip them exactly.
    public var truncatedToMilliseconds: Date {
        Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
