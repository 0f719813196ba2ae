import Logging
import ServiceLifecycle

/// The loop of the app's periodic services: runs `tick` every `interval` until graceful shutdown.
/// A failed tick is logged and the next one runs on time; shutdown ends the loop quietly.
func repeatUntilShutdown(
    every interval: Duration, logger: Logger, _ what: String, _ tick: @escaping @Sendable () async throws -> Void
) async {
    do {
        try await cancelWhenGracefulShutdown {
            while true {
                do {
                    try await tick()
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("\(what) failed: \(String(reflecting: error))")
                }
                try await Task.sleep(for: interval)
            }
        }
    } catch {
        // Cancelled while sleeping: graceful shutdown.
    }
}
