import FrontdeskCore

/// Extends the engine around its transitions: a checkin's check-in and check-out, every booking
/// action a caller takes, and the sweeper's no-shows and expiries. Plugins are given to `Frontdesk` when it is built and run in
/// that order. Both hooks do nothing unless a plugin implements them.
public protocol FrontdeskPlugin: Sendable {
    /// Runs inside the write's transaction, once the rules have allowed the transition and before
    /// anything is written. Throwing refuses it and nothing is written: throw
    /// `FrontdeskError.vetoed(_:)` (a `409 vetoed` problem over HTTP) or another `FrontdeskError`.
    /// The write holds its locks meanwhile: decide from the values given, without I/O. It is called
    /// once per write for each transition, even when the write runs again (`BeforeHooks`).
    func before(_ transition: Transition, by caller: Caller) throws

    /// Runs once the transition has committed. An error is logged, unless the engine was built
    /// fail-fast: then the use case throws it (the write stays committed).
    func after(_ transition: Transition, by caller: Caller) async throws
}

extension FrontdeskPlugin {
    public func before(_ transition: Transition, by caller: Caller) throws {}
    public func after(_ transition: Transition, by caller: Caller) async throws {}
}
