import Logging
import Synchronization

/// Keeps what is logged through its `logger`, so a test can see what the engine reported.
final class LogRecorder: Sendable {
    let entries = Mutex<[(level: Logger.Level, message: String, metadata: Logger.Metadata)]>([])

    var logger: Logger { Logger(label: "test") { _ in Handler(recorder: self) } }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            recorder.entries.withLock {
                $0.append((event.level, "\(event.message)", metadata.merging(event.metadata ?? [:]) { $1 }))
            }
        }
    }
}
