import Foundation

/// A line of another booking that holds a resource during a window.
public struct HeldLine: Sendable, Hashable {
    public var bookingNumber: String
    public var window: TimeWindow

    public init(bookingNumber: String, window: TimeWindow) {
        self.bookingNumber = bookingNumber
        self.window = window
    }
}

/// How much of a resource's capacity is taken during a window.
public enum Occupancy {
    /// The greatest number of `held` windows that are in force at the same instant inside `window`
    /// (half-open: one that ends as another starts does not count twice).
    public static func peak(of held: [TimeWindow], within window: TimeWindow) -> Int {
        var edges: [(at: Date, delta: Int)] = []
        for w in held where w.overlaps(window) {
            edges.append((max(w.start, window.start), 1))
            edges.append((min(w.end, window.end), -1))
        }
        // Ends sort before starts at the same instant: touching windows do not overlap.
        edges.sort { $0.at == $1.at ? $0.delta < $1.delta : $0.at < $1.at }
        var current = 0, peak = 0
        for edge in edges {
            current += edge.delta
            peak = max(peak, current)
        }
        return peak
    }

    /// Capacity left in `window` for a resource of `capacity` held by `held`.
    public static func remaining(capacity: Int, held: [HeldLine], within window: TimeWindow) -> Int {
        max(0, capacity - peak(of: held.map(\.window), within: window))
    }

    /// The distinct numbers of the bookings whose lines overlap `window`, sorted.
    public static func blockingNumbers(_ held: [HeldLine], within window: TimeWindow) -> [String] {
        Array(Set(held.filter { $0.window.overlaps(window) }.map(\.bookingNumber))).sorted()
    }
}
