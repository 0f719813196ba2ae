import FrontdeskEngine
import Logging
import ServiceLifecycle

/// Purges events and audit entries older than `age` every minute, in small batches (see
/// `Frontdesk.purge(olderThan:)`), as a service of the app.
struct RetentionService: Service {
    let frontdesk: Frontdesk
    let age: Duration
    let logger: Logger

    func run() async throws {
        await repeatUntilShutdown(every: .seconds(60), logger: logger, "retention") {
            let purged = try await frontdesk.purge(olderThan: age)
            if purged.events + purged.auditEntries > 0 {
                logger.info("retention purged \(purged.events) event(s) and \(purged.auditEntries) audit entry(ies)")
            }
        }
    }
}
