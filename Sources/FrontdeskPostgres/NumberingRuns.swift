import Foundation
import Synchronization

/// This process's runs of the sequencer, per organization: at most one at a time, and every caller
/// waits for a run that starts after it asked. A caller that asks during a run therefore waits for
/// the next one, which sees the commit it made before asking; all callers that ask during one run
/// share the next, so the runs keep up with any number of concurrent writers.
final class NumberingRuns: Sendable {
    private struct Waiting {
        var running = false
        var callers: [CheckedContinuation<Void, Never>] = []
    }

    private let organizations = Mutex<[UUID: Waiting]>([:])

    /// Returns once `run` has run for `organizationID` from start to end after this call began
    /// (run by this caller or shared with others).
    func request(_ organizationID: UUID, _ run: @escaping @Sendable () async -> Void) async {
        await withCheckedContinuation { continuation in
            let starts = organizations.withLock { organizations in
                organizations[organizationID, default: Waiting()].callers.append(continuation)
                defer { organizations[organizationID]?.running = true }
                return organizations[organizationID]?.running == false
            }
            if starts { Task { await self.drain(organizationID, run) } }
        }
    }

    /// Runs for the callers waiting when each run starts, until none waits.
    private func drain(_ organizationID: UUID, _ run: @Sendable () async -> Void) async {
        while true {
            let callers = organizations.withLock { organizations in
                let callers = organizations[organizationID]?.callers ?? []
                if callers.isEmpty { organizations[organizationID] = nil } else { organizations[organizationID]?.callers = [] }
                return callers
            }
            guard !callers.isEmpty else { return }
            await run()
            for caller in callers { caller.resume() }
        }
    }
}
