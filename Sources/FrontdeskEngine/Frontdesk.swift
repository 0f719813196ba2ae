import Foundation
import FrontdeskCore
import Logging

/// The engine: every use case of the desk, over a store. Embed it to run Frontdesk without HTTP;
/// the HTTP layer is a thin shell around it.
public struct Frontdesk: Sendable {
    public let store: any FrontdeskStore
    public let clock: @Sendable () -> Date
    public let newID: @Sendable () -> UUID
    public let logger: Logger
    /// Whether webhooks may target private and loopback addresses (`FRONTDESK_WEBHOOK_ALLOW_PRIVATE=1`).
    public let allowPrivateWebhooks: Bool
    /// How often an event stream re-reads the outbox when no notification woke it: the longest a
    /// lost notification delays an event.
    public let eventPollInterval: Duration
    /// Hooks around check-ins, check-outs and booking actions, run in this order.
    public let plugins: [any FrontdeskPlugin]
    /// Whether an after-hook's error is thrown by the use case rather than logged.
    public let failFast: Bool
    /// How long a person's sessions last.
    public let sessionPolicy: SessionPolicy
    /// The organizations' resources as availability lists them.
    let catalogs = CatalogCache()
    let feeds: EventFeeds
    let passwords: Passwords
    let signIns = SignInThrottle()

    public init(
        store: any FrontdeskStore,
        clock: @escaping @Sendable () -> Date = { Date() },
        newID: @escaping @Sendable () -> UUID = { UUID.timeOrdered() },
        logger: Logger = Logger(label: "frontdesk.engine"),
        allowPrivateWebhooks: Bool = ProcessInfo.processInfo.environment["FRONTDESK_WEBHOOK_ALLOW_PRIVATE"] == "1",
        eventPollInterval: Duration = .seconds(1),
        plugins: [any FrontdeskPlugin] = [],
        failFast: Bool = false,
        sessionPolicy: SessionPolicy = SessionPolicy(),
        passwordCost: UInt8 = 12
    ) {
        self.store = store
        self.clock = clock
        self.newID = newID
        self.logger = logger
        self.allowPrivateWebhooks = allowPrivateWebhooks
        self.eventPollInterval = eventPollInterval
        self.plugins = plugins
        self.failFast = failFast
        self.sessionPolicy = sessionPolicy
        passwords = Passwords(cost: passwordCost)
        feeds = EventFeeds(store: store, pollInterval: eventPollInterval, logger: logger)
    }

    var now: Date { clock().truncatedToMilliseconds }

    func organization(of caller: Caller) async throws -> Organization {
        guard let organization = try await store.organization(caller.organizationID) else {
            throw FrontdeskError.notFound(entity: "organization", id: caller.organizationID.text)
        }
        return organization
    }
}
