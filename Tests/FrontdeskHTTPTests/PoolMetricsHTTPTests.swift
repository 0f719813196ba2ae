import Foundation
import FrontdeskTestSupport
import Testing

/// `/metrics` shows what the database's connections are doing: SQLite's readers and writer
/// queue, PostgreSQL's pool size and this process's statements on it.
@Suite struct PoolMetricsHTTPTests {
    @Test(arguments: Backend.enabled)
    func metricsShowTheDatabasePool(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let metrics = try await client.with(key: nil).get("/metrics").text
            let names = switch backend {
            case .sqlite: ["frontdesk_db_readers_max", "frontdesk_db_readers_in_use", "frontdesk_db_writes_queued",
                           "frontdesk_db_writer_busy", "frontdesk_db_batches_unsynced"]
            case .postgres: ["frontdesk_db_connections_max", "frontdesk_db_operations_in_flight", "frontdesk_db_listening"]
            }
            for name in names {
                #expect(metrics.contains("# TYPE \(name) gauge\n"), "\(name)")
                let value = metrics.split(separator: "\n").first { $0.hasPrefix("\(name) ") }.flatMap { Int($0.split(separator: " ")[1]) }
                #expect(value != nil && value! >= 0, "\(name)")
            }
            let maximum = backend == .sqlite ? "frontdesk_db_readers_max" : "frontdesk_db_connections_max"
            #expect(!metrics.contains("\(maximum) 0\n"))
        }
    }
}
