import AsyncHTTPClient
import FrontdeskEngine
import Logging
import ServiceLifecycle

/// Runs the actions of the app: on each tick, dispatches the outbox's new events to their actions
/// (housekeeping flags, webhook delivery rows) and attempts the webhook deliveries that are due.
/// Both read their work from the database, so a restart picks up where the last process stopped.
struct ActionService: Service {
    let frontdesk: Frontdesk
    let interval: Duration
    let logger: Logger

    func run() async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPWebhookSender.configuration)
        let sender = HTTPWebhookSender(client: client, allowPrivate: frontdesk.allowPrivateWebhooks)
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    do {
                        try await frontdesk.dispatch()
                        try await frontdesk.deliverDue(using: sender)
                    } catch {
                        logger.error("actions failed: \(String(reflecting: error))")
                    }
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {
            // Graceful shutdown.
        }
        try await client.shutdown()
    }
}
