import Foundation
import Synchronization

/// The built `frontdesk` binary run as an operator runs it: a child process with its own
/// arguments and environment (no `FRONTDESK_*` of the test's), its output and errors captured.
final class CommandProcess: Sendable {
    /// Beside the test bundle in the build directory.
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        .deletingLastPathComponent().appendingPathComponent("frontdesk")

    /// What the process wrote, as it arrives.
    private final class Output: Sendable {
        let text = Mutex<(standard: String, error: String)>(("", ""))
    }

    private let process: Process
    private let output = Output()

    /// Starts `frontdesk arguments…` with `environment` added to the test's own (without its `FRONTDESK_*`).
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("FRONTDESK_") }
            .merging(environment) { $1 }
        let standard = Pipe(), error = Pipe()
        process.standardOutput = standard
        process.standardError = error
        standard.fileHandleForReading.readabilityHandler = { [output] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            output.text.withLock { $0.standard += text }
        }
        error.fileHandleForReading.readabilityHandler = { [output] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            output.text.withLock { $0.error += text }
        }
        try process.run()
    }

    /// Runs `frontdesk arguments…` to its end (at most `timeout`).
    static func run(_ arguments: [String], environment: [String: String] = [:],
                    timeout: Duration = .seconds(30)) async throws -> CommandProcess {
        let command = try CommandProcess(arguments, environment: environment)
        await command.exit(within: timeout)
        return command
    }

    var standardOutput: String { output.text.withLock { $0.standard } }
    var standardError: String { output.text.withLock { $0.error } }
    var isRunning: Bool { process.isRunning }
    var status: Int32? { process.isRunning ? nil : process.terminationStatus }

    /// The lines written to standard error, without the log lines of a running server.
    var errorLines: [Substring] { standardError.split(separator: "\n") }

    /// Waits until the process has ended (at most `timeout`): whether it did.
    @discardableResult
    func exit(within timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        // The pipes' last bytes arrive after the exit.
        try? await Task.sleep(for: .milliseconds(100))
        return !process.isRunning
    }

    /// Waits until standard output has a line containing `text` (at most `timeout`); the line.
    func line(containing text: String, within timeout: Duration = .seconds(30)) async -> String? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = standardOutput.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            if !process.isRunning { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// Sends `signal` (SIGTERM, SIGINT) to the process.
    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}
