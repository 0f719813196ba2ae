import FrontdeskCore
import Logging
import Synchronization

extension Frontdesk {
    /// The plugins' before-hooks of one write by `caller`: made before the write, run inside its
    /// `decide` closure.
    func beforeHooks(_ caller: Caller) -> BeforeHooks {
        BeforeHooks(plugins: plugins, caller: caller)
    }

    /// Every plugin's after-hook on each committed transition; an error is logged, or thrown
    /// when the engine is fail-fast.
    func runAfter(_ transitions: [Transition], _ caller: Caller) async throws {
        for transition in transitions {
            for plugin in plugins {
                do {
                    try await plugin.after(transition, by: caller)
                } catch {
                    if failFast { throw error }
                    logger.error("A plugin's after-hook failed", metadata: [
                        "plugin": "\(type(of: plugin))", "error": "\(String(reflecting: error))",
                    ])
                }
            }
        }
    }
}

/// The plugins' before-hooks of one write, called once for each of its moves. A write's `decide`
/// closure may run more than once: SQLite's group commit runs a batch again, each write in a
/// savepoint, when one of its writes failed after writing. A move found again by a later run (the
/// same step of the same checkin or booking, its stamps read anew) gets the verdict it had, the
/// same veto or none, without the plugins being asked again; a move the first run did not find is
/// asked about as any.
final class BeforeHooks: Sendable {
    private let plugins: [any FrontdeskPlugin]
    private let caller: Caller
    private let verdicts = Mutex<[Transition.Move: Result<Void, any Error>]>([:])

    init(plugins: [any FrontdeskPlugin], caller: Caller) {
        self.plugins = plugins
        self.caller = caller
    }

    /// Every plugin's before-hook on each transition not asked about before; throws a veto.
    func run(_ transitions: [Transition]) throws {
        guard !plugins.isEmpty else { return }
        for transition in transitions {
            let verdict = verdicts.withLock { $0[transition.move] } ?? {
                let verdict = Result { for plugin in plugins { try plugin.before(transition, by: caller) } }
                verdicts.withLock { $0[transition.move] = verdict }
                return verdict
            }()
            try verdict.get()
        }
    }
}

/// The transitions a write's `decide` closure found, kept for the after-hooks once it has committed.
final class FoundTransitions: Sendable {
    private let found = Mutex<[Transition]>([])

    func set(_ transitions: [Transition]) { found.withLock { $0 = transitions } }
    var all: [Transition] { found.withLock { $0 } }
}
