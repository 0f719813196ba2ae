import FrontdeskEngine
import PostgresNIO
import Synchronization

extension PostgresStore {
    /// The pool's size and this process's use of it. PostgresNIO does not expose its pool's state
    /// (open, leased and idle connections), so the store counts its own statements and
    /// transactions: each holds a pooled connection, or waits for one while the pool is full.
    public var connectionGauges: [ConnectionGauge] {
        [
            ConnectionGauge("frontdesk_db_connections_max", configuration.options.maximumConnections,
                            help: "PostgreSQL connections the pool may open."),
            ConnectionGauge("frontdesk_db_operations_in_flight", operationsInFlight.load(ordering: .relaxed),
                            help: "PostgreSQL statements and transactions running now, each holding a pooled connection or waiting for one."),
            ConnectionGauge("frontdesk_db_listening", listener.withLock { $0 == nil } ? 0 : 1,
                            help: "1 while a pooled connection listens for event notifications (LISTEN), else 0."),
        ]
    }
}
