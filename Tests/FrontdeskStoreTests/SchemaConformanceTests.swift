import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

@Suite("Schema")
struct SchemaConformanceTests {
    @Test(arguments: Backend.enabled)
    func migrateIsIdempotentAndSchemaVerifies(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            try await f.store.verifySchema()
            let location = try await f.makeLocation(name: "Kept")
            try await f.store.migrate()
            try await f.store.migrate()
            try await f.store.verifySchema()
            #expect(try await f.frontdesk.location(f.owner, location.id) == location)
            #expect(try await f.store.apiKeyCount() == 1)
        }
    }

    @Test(arguments: Backend.enabled)
    func unknownNewerMigrationIsRefused(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            try await backend.recordMigration("9999_from_the_future", in: f.test)
            await #expect(throws: StoreError.unknownMigrations(["9999_from_the_future"])) {
                try await f.store.verifySchema()
            }
            await #expect(throws: StoreError.unknownMigrations(["9999_from_the_future"])) {
                try await f.store.migrate()
            }
        }
    }
}
