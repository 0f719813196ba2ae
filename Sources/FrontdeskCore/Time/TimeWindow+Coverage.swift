import Foundation

/// Intervals measured the way reports measure them: in whole milliseconds, the precision every
/// instant is kept at, so that sums are exact and both stores' reports agree to the millisecond.
extension TimeWindow {
    /// The part of this window inside `other`; nil when they do not overlap.
    public func clipped(to other: TimeWindow) -> TimeWindow? {
        let clipped = TimeWindow(start: max(start, other.start), end: min(end, other.end))
        return clipped.isEmpty ? nil : clipped
    }

    /// The length in milliseconds (0 for an empty window).
    public var milliseconds: Int64 { max(0, end.epochMilliseconds - start.epochMilliseconds) }

    /// How long at least one of `windows` covers, in milliseconds: overlapping parts counted once.
    public static func coveredMilliseconds(_ windows: [TimeWindow]) -> Int64 {
        var total: Int64 = 0
        var current: TimeWindow?
        for window in windows.sorted(by: { $0.start < $1.start }) where !window.isEmpty {
            if let open = current, window.start <= open.end {
                current = TimeWindow(start: open.start, end: max(open.end, window.end))
            } else {
                total += current?.milliseconds ?? 0
                current = window
            }
        }
        return total + (current?.milliseconds ?? 0)
    }
}

extension Date {
    /// Milliseconds since 1970. Instants are kept whole milliseconds (`truncatedToMilliseconds`), so
    /// the nearest one is the instant's own, whichever way the binary fraction fell.
    var epochMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    init(epochMilliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(epochMilliseconds) / 1000)
    }
}
