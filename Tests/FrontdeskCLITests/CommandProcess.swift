import Foundation

/// The built `frontdesk` binary run as an operator runs it: a child process with its own
/// arguments and environment (no `FRONTDESK_*` of the test's), its output and errors captured.
///
/// Its waits are long (`patience`): when every suite of a test run starts at once, a child process
/// gets little of the machine's two cores for the first half-minute or so (seen in CI: 37 s for
/// `serve` to print its banner, which takes a tenth of a second alone).
final class CommandProcess: Sendable {
    static let patience: Duration = .seconds(120)

    /// Beside the test bundle in the build directory.
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        .deletingLastPathComponent().appendingPathComponent("frontdesk")

    private let process: ChildProcess

    /// Starts `frontdesk arguments…` with `environment` added to the test's own (without its `FRONTDESK_*`).
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process = try ChildProcess(Self.binary.path, arguments, environment: ProcessInfo.processInfo.environment
            .filter { !$0.key.hasPrefix("FRONTDESK_") }.merging(environment) { $1 })
    }

    /// Runs `frontdesk arguments…` to its end (at most `timeout`).
    static func run(_ arguments: [String], environment: [String: String] = [:],
                    timeout: Duration = patience) async throws -> CommandProcess {
        let command = try CommandProcess(arguments, environment: environment)
        await command.exit(within: timeout)
        return command
    }

    var standardOutput: String { process.standardOutput }
    var standardError: String { process.standardError }
    var isRunning: Bool { process.isRunning }
    var status: Int32? { process.status }

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
    func line(containing text: String, within timeout: Duration = patience) async -> String? {
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
        process.send(signal)
    }
}
