import Foundation

/// A line of another booking that holds a resource during a window.
public struct HeldLine: Sendable, Hashable {
    public var bookingNumber: String
    public var window: TimeWindow
    /// Checked in and not checked out: it holds on past its end until it is checked out.
    public var checkedIn: Bool

    public init(bookingNumber: String, window: TimeWindow, checkedIn: Bool = false) {
        self.bookingNumber = bookingNumber
        self.window = window
        self.checkedIn = checkedIn
    }

    /// The line as it holds its resource at `now`: an overdue one holds on, open-ended.
    public func holding(at now: Date) -> HeldLine {
        var line = self
        line.window = Occupancy.heldWindow(window, checkedIn: checkedIn, at: now)
        return line
    }
}

/// How much of a resource's capacity is taken during a window.
public enum Occupancy {
    /// Whoever is really there holds the resource: a line checked in and not checked out whose
    /// window has ended (an overstay, a bike not yet returned) is overdue.
    public static func isOverdue(_ window: TimeWindow, checkedIn: Bool, at now: Date) -> Bool {
        checkedIn && window.end <= now
    }

    /// The window a line holds its resource for at `now`: its own, or, once overdue, from its start
    /// on without end (to the end of `BookableYears`), since nobody knows when the guest will leave.
    /// Availability, conflicts and capacity all count lines through this one rule.
    public static func heldWindow(_ window: TimeWindow, checkedIn: Bool, at now: Date) -> TimeWindow {
        isOverdue(window, checkedIn: checkedIn, at: now) ? TimeWindow(start: window.start, end: BookableYears.end) : window
    }

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
