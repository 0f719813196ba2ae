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
        await repeatUntilShutdown(every: interval, logger: logger, "actions") {
            try await frontdesk.dispatch()
            try await frontdesk.deliverDue(using: sender)
        }
        try await client.shutdown()
    }
}
