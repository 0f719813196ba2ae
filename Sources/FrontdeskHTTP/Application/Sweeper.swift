import FrontdeskEngine
import Logging
import ServiceLifecycle

/// Runs the engine's sweep (no-shows, expired holds) on an interval, as a service of the app.
struct SweeperService: Service {
    let frontdesk: Frontdesk
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await repeatUntilShutdown(every: interval, logger: logger, "sweep") {
            let moved = try await frontdesk.sweep()
            if moved > 0 { logger.info("sweep moved \(moved) booking(s)") }
        }
    }
}
