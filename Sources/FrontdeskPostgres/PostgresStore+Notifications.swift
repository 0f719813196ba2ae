import Foundation
import FrontdeskEngine
import Logging
import PostgresNIO
import Synchronization

extension PostgresStore {
    /// The channel the sequencer notifies with `<organization id>:<last sequence>` once it has
    /// numbered committed events.
    static let eventChannel = "frontdesk_events"

    /// Notifications come from PostgreSQL, so a stream here wakes for commits made through any
    /// process on the database, this one included, once their events are numbered.
    public func notifyEvents(of organizationID: UUID, to wakeUp: AsyncStream<Void>.Continuation) {
        notifier.subscribe(organizationID, wakeUp)
        listener.withLock { listening in
            if listening == nil { listening = Task { await self.listen() } }
        }
    }

    /// Holds one pooled connection on `LISTEN` and signals the notifier for each notification,
    /// until the store shuts down. A dropped connection is replaced after a second; what was
    /// committed meanwhile reaches the streams through their periodic re-read.
    private func listen() async {
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: Self.eventChannel) { notifications in
                        for try await notification in notifications {
                            guard let organizationID = UUID(uuidString: String(notification.payload.prefix(36))) else { continue }
                            notifier.signal(organizationID)
                        }
                    }
                }
            } catch {
                guard !Task.isCancelled else { return }
                logger.warning("Listening for events failed; retrying", metadata: ["error": "\(String(reflecting: error))"])
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }
}
