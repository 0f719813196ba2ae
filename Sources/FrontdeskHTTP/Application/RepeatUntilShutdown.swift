import Logging
import ServiceLifecycle

/// The loop of the app's periodic services: runs `tick` every `interval` until graceful shutdown.
/// A failed tick is logged and the next one runs on time. Shutdown interrupts the wait between
/// ticks, never a tick: the one running finishes its transactions (and deliveries) first, so a
/// stop leaves no half-done work.
func repeatUntilShutdown(
    every interval: Duration, logger: Logger, _ what: String, _ tick: @escaping @Sendable () async throws -> Void
) async {
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
        do {
            try await tick()
        } catch is CancellationError {
            return
        } catch {
            logger.error("\(what) failed: \(String(reflecting: error))")
        }
        // Cancelled while sleeping: graceful shutdown (or the task's end), checked above.
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
    }
}
