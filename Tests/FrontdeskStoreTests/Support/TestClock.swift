import Foundation
import Synchronization

/// The injected clock: it reads what the test set, and moves only when the test moves it.
final class TestClock: Sendable {
    private let instant: Mutex<Date>

    init(_ start: Date) { instant = Mutex(start) }

    var now: Date { instant.withLock { $0 } }

    func set(_ date: Date) { instant.withLock { $0 = date } }

    func advance(by interval: TimeInterval) { instant.withLock { $0 += interval } }
}
