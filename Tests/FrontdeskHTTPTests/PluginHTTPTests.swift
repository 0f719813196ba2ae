import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import HTTPTypes
import Testing

/// A plugin's veto over HTTP: a `409 vetoed` problem, and nothing written.
@Suite("Plugins over HTTP")
struct PluginHTTPTests {
    /// Keeps room 101 shut.
    struct Lockdown: FrontdeskPlugin {
        func before(_ transition: Transition, by caller: Caller) throws {
            if case .checkIn(let checkin) = transition, checkin.notes == "room 101" {
                throw FrontdeskError.vetoed("Room 101 is closed for inspection.")
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func aVetoIsAConflictProblemAndWritesNothing(_ backend: Backend) async throws {
        try await TestApp.run(backend, plugins: [Lockdown()]) { client, _ in
            let catalog = try await Catalog.make(client)
            let checkin = try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[0], "notes": "room 101"])
            #expect(checkin.status == 201)
            let events = try await client.get("/api/v1/events?after=0").items.count

            let refused = try await client.post("/api/v1/checkins/\(checkin.id)/check-in")
            #expect(refused.status == 409)
            #expect(refused.code == "vetoed")
            #expect(refused["detail"] as? String == "Room 101 is closed for inspection.")
            #expect(refused.headers[.contentType] == "application/problem+json")
            #expect(try await client.get("/api/v1/checkins/\(checkin.id)")["state"] as? String == "pending")
            #expect(try await client.get("/api/v1/events?after=0").items.count == events)
        }
    }
}
