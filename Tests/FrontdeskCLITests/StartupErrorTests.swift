import Foundation
import FrontdeskHTTP
import Testing

/// What an operator sees when `frontdesk serve` cannot start: one line on standard error that
/// says what is wrong, no banner, exit status 1; and the banner, once it listens, with the real
/// address.
@Suite("Start-up errors")
struct StartupErrorTests {
    /// A SQLite path in a fresh temporary directory, removed with it.
    private static func withDirectory(_ body: (URL) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await body(directory)
    }

    /// Runs `arguments`, expects it to fail with one line on standard error containing every one
    /// of `words` and nothing on standard output.
    private static func expectOneLine(_ arguments: [String], environment: [String: String] = [:], saying words: [String],
                                      sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let command = try await CommandProcess.run(arguments, environment: environment)
        #expect(command.status == 1, sourceLocation: sourceLocation)
        #expect(command.standardOutput.isEmpty, "printed: \(command.standardOutput)", sourceLocation: sourceLocation)
        let lines = command.errorLines
        #expect(lines.count == 1, "\(lines)", sourceLocation: sourceLocation)
        let line = String(lines.first ?? "")
        #expect(line.hasPrefix("Error: "), sourceLocation: sourceLocation)
        for word in words { #expect(line.contains(word), "\(line)", sourceLocation: sourceLocation) }
    }

    @Test func aPortOutOfRange() async throws {
        try await Self.withDirectory { directory in
            let database = directory.appendingPathComponent("a.sqlite").path
            try await Self.expectOneLine(["serve", "--port", "70000", "--database", database], saying: ["Port 70000", "out of range"])
            try await Self.expectOneLine(["serve", "--database", database], environment: ["FRONTDESK_PORT": "-1"],
                                         saying: ["Port -1", "out of range"])
        }
    }

    /// The first server's banner names the port the system chose for port 0; a second one on
    /// that port says it is in use.
    @Test func aPortInUse() async throws {
        try await Self.withDirectory { directory in
            let database = directory.appendingPathComponent("a.sqlite").path
            let first = try CommandProcess(["serve", "--port", "0", "--database", database])
            let banner = try #require(await first.line(containing: "listening on"))
            let port = try #require(banner.split(separator: ":").last.flatMap { Int($0) })
            #expect(port > 0)
            #expect(first.standardOutput.contains("http://127.0.0.1:\(port)/api/v1/organization"))
            try await Self.expectOneLine(["serve", "--port", "\(port)", "--database", database],
                                         saying: ["Port \(port) on 127.0.0.1 is in use"])
            first.send(SIGTERM)
            #expect(await first.exit(within: .seconds(30)))
        }
    }

    @Test func anUnknownDatabaseScheme() async throws {
        try await Self.expectOneLine(["serve", "--port", "0", "--database", "mysql://user@localhost/frontdesk"],
                                     saying: ["Unknown database URL scheme mysql://"])
    }

    @Test func aPathThatCannotBeOpened() async throws {
        try await Self.withDirectory { directory in
            let database = directory.appendingPathComponent("missing/a.sqlite").path
            try await Self.expectOneLine(["serve", "--port", "0", "--database", database],
                                         saying: [database, "does not exist"])
        }
    }

    @Test func aFileThatIsNotADatabase() async throws {
        try await Self.withDirectory { directory in
            let file = directory.appendingPathComponent("notes.txt")
            try Data(String(repeating: "not a database\n", count: 400).utf8).write(to: file)
            try await Self.expectOneLine(["serve", "--port", "0", "--database", file.path],
                                         saying: [file.path, "is not a SQLite database"])
        }
    }

    /// A bounded wait (here 1 s), then one line naming the host and port: no retries logged. That
    /// the command ends at all is `expectOneLine`'s exit status; how soon is the machine's business
    /// when every suite starts at once (`CommandProcess.patience`).
    @Test func postgresUnreachable() async throws {
        try await Self.expectOneLine(["serve", "--port", "0", "--database", "postgres://frontdesk:secret@127.0.0.1:1/frontdesk"],
                                     environment: ["FRONTDESK_DATABASE_WAIT": "1"],
                                     saying: ["PostgreSQL at 127.0.0.1:1"])
    }

    /// A rule a command breaks is told as its sentence, not as a Swift value.
    @Test func aCommandsErrorIsASentence() async throws {
        try await Self.withDirectory { directory in
            let database = directory.appendingPathComponent("a.sqlite").path
            try await Self.expectOneLine(["keys", "create", "--role", "owner", "--name", " ", "--database", database],
                                         saying: ["Error: name: must not be blank"])
        }
    }

    @Test func version() async throws {
        let command = try await CommandProcess.run(["--version"])
        #expect(command.status == 0)
        #expect(command.standardOutput == "\(ServerConfiguration.version)\n")
    }
}
