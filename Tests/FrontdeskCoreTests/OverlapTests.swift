import Foundation
import FrontdeskCore
import Testing

/// Half-open windows `[start, end)`: touching windows do not overlap.
@Suite struct OverlapTests {
    /// Hours on 2026-06-01 UTC.
    static func h(_ start: Int, _ end: Int) -> TimeWindow {
        let day = Fixture.instant("2026-06-01T00:00:00Z")
        return TimeWindow(start: day.addingTimeInterval(Double(start) * 3_600),
                          end: day.addingTimeInterval(Double(end) * 3_600))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var a: (Int, Int)
        var b: (Int, Int)
        var overlaps: Bool
        var testDescription: String { "[\(a.0),\(a.1)) vs [\(b.0),\(b.1)) → \(overlaps)" }
    }

    static let cases: [Case] = [
        Case(a: (10, 12), b: (12, 14), overlaps: false),  // touching: one ends as the other starts
        Case(a: (10, 12), b: (13, 14), overlaps: false),  // apart
        Case(a: (10, 12), b: (11, 14), overlaps: true),   // partial
        Case(a: (10, 20), b: (12, 14), overlaps: true),   // containment
        Case(a: (10, 12), b: (10, 12), overlaps: true),   // identical
        Case(a: (10, 12), b: (10, 11), overlaps: true),   // same start
        Case(a: (10, 12), b: (11, 12), overlaps: true),   // same end
    ]

    @Test(arguments: cases)
    func overlap(_ c: Case) {
        let a = Self.h(c.a.0, c.a.1), b = Self.h(c.b.0, c.b.1)
        #expect(a.overlaps(b) == c.overlaps)
        #expect(b.overlaps(a) == c.overlaps, "overlap must be symmetric")
    }

    @Test func oneMillisecondIsEnough() {
        let a = Self.h(10, 12)
        let b = TimeWindow(start: a.end.addingTimeInterval(-0.001), end: a.end.addingTimeInterval(3_600))
        #expect(a.overlaps(b))
    }

    @Test func emptinessAndDuration() {
        #expect(Self.h(10, 10).isEmpty)
        #expect(Self.h(12, 10).isEmpty)
        #expect(!Self.h(10, 11).isEmpty)
        #expect(Self.h(10, 13).duration == 3 * 3_600)
    }

    @Test func windowsKeepWholeMilliseconds() {
        let w = TimeWindow(start: Date(timeIntervalSince1970: 1_780_000_000.987_654),
                           end: Date(timeIntervalSince1970: 1_780_000_100.000_9))
        #expect(w.start == Date(timeIntervalSince1970: 1_780_000_000.987))
        #expect(w.end == Date(timeIntervalSince1970: 1_780_000_100))
    }
}

/// How much capacity is taken during a window.
@Suite struct OccupancyTests {
    static func h(_ a: Int, _ b: Int) -> TimeWindow { OverlapTests.h(a, b) }
    static let day = h(0, 24)

    @Test func nestedWindowsStack() {
        #expect(Occupancy.peak(of: [Self.h(8, 20), Self.h(10, 16), Self.h(12, 14)], within: Self.day) == 3)
    }

    @Test func chainedTouchingWindowsNeverStack() {
        #expect(Occupancy.peak(of: [Self.h(8, 10), Self.h(10, 12), Self.h(12, 14)], within: Self.day) == 1)
        // Order of the input does not matter.
        #expect(Occupancy.peak(of: [Self.h(12, 14), Self.h(8, 10), Self.h(10, 12)], within: Self.day) == 1)
    }

    @Test func overlappingChainPeaksAtTwo() {
        #expect(Occupancy.peak(of: [Self.h(8, 11), Self.h(10, 13), Self.h(12, 15)], within: Self.day) == 2)
    }

    @Test func identicalWindowsCountEach() {
        #expect(Occupancy.peak(of: [Self.h(8, 10), Self.h(8, 10)], within: Self.day) == 2)
    }

    @Test func onlyWhatIsInsideTheWindowCounts() {
        let held = [Self.h(8, 12), Self.h(14, 18)]  // stack nowhere
        #expect(Occupancy.peak(of: held, within: Self.h(12, 14)) == 0)  // touching both ends
        #expect(Occupancy.peak(of: held, within: Self.h(11, 15)) == 1)
        // Two that overlap each other only outside the asked window count once inside it.
        #expect(Occupancy.peak(of: [Self.h(6, 10), Self.h(9, 12)], within: Self.h(10, 12)) == 1)
        #expect(Occupancy.peak(of: [], within: Self.day) == 0)
    }

    @Test func remainingCapacity() {
        let held = [HeldLine(bookingNumber: "BK-2026-0001", window: Self.h(8, 12)),
                    HeldLine(bookingNumber: "BK-2026-0002", window: Self.h(10, 14))]
        #expect(Occupancy.remaining(capacity: 3, held: held, within: Self.h(11, 12)) == 1)
        #expect(Occupancy.remaining(capacity: 3, held: held, within: Self.h(12, 13)) == 2)
        #expect(Occupancy.remaining(capacity: 3, held: held, within: Self.h(14, 16)) == 3)
        #expect(Occupancy.remaining(capacity: 1, held: held, within: Self.h(11, 12)) == 0, "never negative")
    }

    @Test func blockingNumbersAreDistinctSortedAndOverlapping() {
        let held = [HeldLine(bookingNumber: "BK-2026-0009", window: Self.h(8, 10)),
                    HeldLine(bookingNumber: "BK-2026-0003", window: Self.h(9, 11)),
                    HeldLine(bookingNumber: "BK-2026-0009", window: Self.h(10, 12)),
                    HeldLine(bookingNumber: "BK-2026-0001", window: Self.h(12, 14))]
        #expect(Occupancy.blockingNumbers(held, within: Self.h(9, 12)) == ["BK-2026-0003", "BK-2026-0009"])
    }
}
