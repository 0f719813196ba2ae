import FrontdeskCore
import Logging
import Synchronization

extension Frontdesk {
    /// Every plugin's before-hook on each transition, inside the write's `decide` closure.
    func runBefore(_ transitions: [Transition], _ caller: Caller) throws {
        for transition in transitions {
            for plugin in plugins { try plugin.before(transition, by: caller) }
        }
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

/// The transitions a write's `decide` closure found, kept for the after-hooks once it has committed.
final class FoundTransitions: Sendable {
    private let found = Mutex<[Transition]>([])

    func set(_ transitions: [Transition]) { found.withLock { $0 = transitions } }
    var all: [Transition] { found.withLock { $0 } }
}
