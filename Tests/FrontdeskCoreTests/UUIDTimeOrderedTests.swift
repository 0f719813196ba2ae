import Foundation
import FrontdeskCore
import Testing

@Suite struct UUIDTimeOrderedTests {
    @Test func carriesTheMillisecondsVersionAndVariant() {
        let date = Date(timeIntervalSince1970: 1_790_000_000.123)
        let id = UUID.timeOrdered(at: date)
        #expect(id.text.replacingOccurrences(of: "-", with: "").hasPrefix(String(1_790_000_000_123, radix: 16).leftPadded(to: 12)))
        #expect(id.uuid.6 >> 4 == 7)
        #expect(id.uuid.8 >> 6 == 0b10)
    }

    @Test func sortsByTimeAndDiffersWithinAMillisecond() {
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let ids = (0..<1_000).map { UUID.timeOrdered(at: start.addingTimeInterval(Double($0 / 10) / 1000)) }
        #expect(Set(ids).count == ids.count)
        let byMillisecond = ids.map { String($0.text.prefix(13)) }
        #expect(byMillisecond == byMillisecond.sorted())
        #expect(ids.last!.text > ids.first!.text)
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
