import Foundation
import FrontdeskAPI
import FrontdeskEngine
import Hummingbird
import HummingbirdWebSocket
import ServiceLifecycle
import Logging
import OpenAPIHummingbird
import OpenAPIRuntime

/// The one composition root: `frontdesk serve` and every HTTP test build the app with it.
/// `onListening` runs once the server listens, with the address and port it got (the port the
/// system chose for port 0), before the first connection is accepted.
public func buildApplication(
    frontdesk: Frontdesk, configuration: ServerConfiguration,
    onListening: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }
) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "frontdesk")
    logger.logLevel = configuration.logLevel
    _ = PrometheusMetrics.registry

    let router = Router(context: DeskRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.addMiddleware {
        // Outermost, so that it counts each answer by the status the problem gave it.
        MetricsMiddleware()
        // Outside the problems, so that a browser page can read them too.
        CrossOriginMiddleware(allowedOrigins: configuration.allowedOrigins)
        ProblemMiddleware()
        LogRequestsMiddleware(.debug)
        RequestBodyMiddleware()
        QueryMiddleware()
        AuthenticationMiddleware(frontdesk: frontdesk, masterKey: configuration.masterKey,
                                 allowedOrigins: configuration.allowedOrigins)
        IdempotencyMiddleware(store: frontdesk.store, clock: frontdesk.clock)
    }
    AvailabilityRoute.register(on: router, frontdesk: frontdesk)
    ActivityReportRoute.register(on: router, frontdesk: frontdesk)
    HotWriteRoutes.register(on: router, frontdesk: frontdesk)
    ListRoutes.register(on: router, frontdesk: frontdesk)
    BillingRoutes.register(on: router, frontdesk: frontdesk)
    PeopleRoutes.register(on: router, frontdesk: frontdesk)
    DeskPages.register(on: router, frontdesk: frontdesk)
    let api = APIHandler(frontdesk: frontdesk, databaseKind: configuration.databaseKind)
    // Sorted keys: an object's members come in one order, the one the hand-written routes, events
    // and audit entries write (`JSONWriter`), not in a dictionary's order of the moment.
    try api.registerHandlers(
        on: router, configuration: Configuration(dateTranscoder: InstantTranscoder(),
                                                 jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]),
        middlewares: [ETagMiddleware(), JSONBodyMiddleware()])

    let webSockets = Router(context: EventSocketContext.self)
    webSockets.addMiddleware {
        ProblemMiddleware()
        AuthenticationMiddleware(frontdesk: frontdesk, masterKey: configuration.masterKey)
    }
    EventSocket.register(on: webSockets, frontdesk: frontdesk)

    var services: [any Service] = []
    if let interval = configuration.sweepInterval {
        services.append(SweeperService(frontdesk: frontdesk, interval: interval, logger: logger))
    }
    if let interval = configuration.actionInterval {
        services.append(ActionService(frontdesk: frontdesk, interval: interval, logger: logger))
    }
    if let age = configuration.retention {
        services.append(RetentionService(frontdesk: frontdesk, age: age, logger: logger))
    }
    return Application(
        router: router,
        server: .guardedHTTP1(webSocketRouter: webSockets, idleTimeout: configuration.idleTimeout,
                              readTimeout: configuration.readTimeout),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "frontdesk",
                             availableConnectionsDelegate: .maximum(configuration.maxConnections, logger: logger)),
        services: services,
        onServerRunning: { channel in
            await onListening(channel.localAddress?.ipAddress ?? configuration.host,
                              channel.localAddress?.port ?? configuration.port)
        },
        logger: logger)
}
