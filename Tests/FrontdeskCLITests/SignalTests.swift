import Foundation
import Testing

/// `frontdesk serve` stops gracefully on SIGTERM and on SIGINT (what the shutdown does is
/// `ShutdownHTTPTests`'s): it exits with status 0, soon, without an error.
@Suite("Signals")
struct SignalTests {
    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalStopsTheServerCleanly(_ signal: Int32) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try CommandProcess(["serve", "--port", "0", "--database", directory.appendingPathComponent("a.sqlite").path])
        #expect(await server.line(containing: "listening on") != nil, "\(server.standardError)")
        server.send(signal)
        #expect(await server.exit(within: .seconds(30)))
        #expect(server.status == 0)
        #expect(!server.standardError.contains("Error"), "\(server.standardError)")
    }
}
