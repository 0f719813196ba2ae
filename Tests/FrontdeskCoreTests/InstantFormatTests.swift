import Foundation
import FrontdeskCore
import Testing

@Suite struct InstantFormatTests {
    /// The fast writer agrees with Foundation's ISO 8601 formatter across eras, leap days and
    /// the instants before 1970 (and falls back to it past the year 9999).
    @Test(arguments: [-86_400_001.0, -1.5, 0, 951_782_400.123, 1_709_164_800.999, 1_780_000_000.5, 4_102_444_800, 32_503_680_000.25, 253_402_300_800])
    func writesLikeFoundation(_ seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds).truncatedToMillisecondsForTest
        let expected = date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        #expect(InstantFormat.string(from: date) == expected)
        let parsed = try #require(InstantFormat.date(from: expected))
        #expect(abs(parsed.timeIntervalSince(date)) < 0.001)
    }
}

extension Date {
    var truncatedToMillisecondsForTest: Date {
        Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
