import Foundation
import Synchronization

/// This process's runs of the sequencer, per organization: at most one at a time, and every write
/// waits for a run that starts after it committed. Runs take no connection of their own: a run is
/// made on the connection of a write that has just committed, before it goes back to the pool.
/// The first write to arrive while no run is under way runs one at once; the first to arrive during
/// a run keeps its connection and makes the next run when that one ends, for itself and for every
/// write that arrived until the next run starts, which give their connections back and wait. So the
/// runs keep up with any number of concurrent writers, and a write never waits for the pool to
/// have its events numbered (it did, behind every request waiting for a connection: the delay
/// from a commit to its delivery on a stream, and each write's answer, waited for it).
final class NumberingRuns: Sendable {
    /// What a write that has just committed does to have its events numbered.
    enum Arrival {
        /// No run is under way: run one now on its connection, then `finished(_:_:)` with no turns.
        case run
        /// A run is under way: keep the connection, wait for the turn, then `starting(_:)` and run.
        case next(Turn)
        /// A run is under way and another write makes the next: give the connection back, then wait.
        case wait(Turn)
    }

    /// A signal given once, which a waiter may await before or after it is given.
    final class Turn: Sendable {
        private let state = Mutex<(given: Bool, waiter: CheckedContinuation<Void, Never>?)>((false, nil))

        func give() {
            state.withLock { state in
                state.given = true
                return state.waiter.take()
            }?.resume()
        }

        func wait() async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let given = state.withLock { state in
                    if !state.given { state.waiter = continuation }
                    return state.given
                }
                if given { continuation.resume() }
            }
        }
    }

    private struct Runs {
        /// The write that makes the next run, waiting for the one under way to end.
        var next: Turn?
        /// The writes that wait for the next run.
        var waiting: [Turn] = []
    }

    /// The organizations with a run under way.
    private let organizations = Mutex<[UUID: Runs]>([:])

    /// A write of `organizationID` has committed.
    func arrive(_ organizationID: UUID) -> Arrival {
        organizations.withLock { organizations in
            guard var runs = organizations[organizationID] else {
                organizations[organizationID] = Runs()
                return .run
            }
            let turn = Turn()
            defer { organizations[organizationID] = runs }
            if runs.next == nil {
                runs.next = turn
                return .next(turn)
            }
            runs.waiting.append(turn)
            return .wait(turn)
        }
    }

    /// The next run starts: returns the writes it is for, besides its own.
    func starting(_ organizationID: UUID) -> [Turn] {
        organizations.withLock { organizations in
            defer { organizations[organizationID]?.next = nil; organizations[organizationID]?.waiting = [] }
            return organizations[organizationID]?.waiting ?? []
        }
    }

    /// A run has ended (numbered, or failed and logged): the writes it was for go on, and the write
    /// that makes the next run, if one arrived, starts it.
    func finished(_ organizationID: UUID, _ turns: [Turn]) {
        for turn in turns { turn.give() }
        organizations.withLock { organizations -> Turn? in
            guard let next = organizations[organizationID]?.next else {
                organizations[organizationID] = nil
                return nil
            }
            return next
        }?.give()
    }
}
