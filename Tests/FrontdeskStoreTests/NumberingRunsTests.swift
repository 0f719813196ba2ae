import Foundation
@testable import FrontdeskPostgres
import Synchronization
import Testing

/// The hand-off of the sequencer's runs between the writes of one organization in a process
/// (`NumberingRuns`): one run at a time, and each write goes on only after a run that started
/// after it arrived.
@Suite("Numbering runs", .timeLimit(.minutes(1)))
struct NumberingRunsTests {
    @Test func theFirstWriteDuringARunMakesTheNextForThoseThatArriveBeforeItStarts() async throws {
        let runs = NumberingRuns(), organization = UUID()
        guard case .run = runs.arrive(organization) else { Issue.record("no run was under way"); return }
        guard case .next(let next) = runs.arrive(organization),
              case .wait(let early) = runs.arrive(organization),
              case .wait(let alsoEarly) = runs.arrive(organization)
        else { Issue.record("a run was under way"); return }
        let released = Released()
        let waiting = Task {
            await early.wait()
            released.add("early")
        }

        runs.finished(organization, [])  // the first run ends: its writer made it for itself alone
        await next.wait()
        await Task.yield()
        try await Task.sleep(for: .milliseconds(50))
        #expect(released.names.isEmpty, "a write that arrived during the first run waits for the second")

        let batch = runs.starting(organization)
        #expect(batch.count == 2)
        guard case .next(let after) = runs.arrive(organization) else {
            Issue.record("a write arriving once the second run started makes the third"); return
        }
        runs.finished(organization, batch)
        await waiting.value
        await alsoEarly.wait()
        await after.wait()
        #expect(released.names == ["early"])

        #expect(runs.starting(organization).isEmpty)
        runs.finished(organization, [])
        guard case .run = runs.arrive(organization) else { Issue.record("the runs had ended"); return }
    }

    @Test func organizationsRunSideBySide() {
        let runs = NumberingRuns()
        guard case .run = runs.arrive(UUID()), case .run = runs.arrive(UUID()) else {
            Issue.record("another organization's run held this one's back"); return
        }
    }

    private final class Released: Sendable {
        private let list = Mutex<[String]>([])
        func add(_ name: String) { list.withLock { $0.append(name) } }
        var names: [String] { list.withLock { $0 } }
    }
}
