import ArgumentParser
import Foundation
@testable import frontdesk
import FrontdeskCore
import FrontdeskEngine
import FrontdeskSQLite
import FrontdeskTestSupport
import Testing

/// `frontdesk export` and `frontdesk import`: the whole data moves between engines and answers as before.
@Suite("Export and import")
struct TransferTests {
    /// The demo goes from SQLite to PostgreSQL (SQLite again without `POSTGRES_URL`) and back: each
    /// export is the same bytes, every list answers the same, and the derived columns hold what
    /// they must (a booking that overlaps one imported is refused, a member search finds a name
    /// with an accent).
    @Test func theDemoMovesBetweenEnginesUnchanged() async throws {
        let files = TemporaryFiles()
        defer { files.remove() }
        let middle = Backend.enabled.last!
        try await withTestStore(.sqlite) { source in
            let frontdesk = Frontdesk(store: source.store, clock: { DemoTests.now })
            try await frontdesk.ensureDefaultOrganization()
            _ = try await DemoData(frontdesk: frontdesk).load()
            let answers = try await Answers(frontdesk)
            let original = try await export(source, to: files.path("source.jsonl"))

            try await withTestStore(middle) { moved in
                try await importFile(files.path("source.jsonl"), into: moved)
                #expect(try await Answers(Frontdesk(store: moved.store, clock: { DemoTests.now })) == answers)
                let again = try await export(moved, to: files.path("moved.jsonl"))
                #expect(again.dropFirst() == original.dropFirst())

                try await withTestStore(.sqlite) { back in
                    try await importFile(files.path("moved.jsonl"), into: back)
                    let returned = Frontdesk(store: back.store, clock: { DemoTests.now })
                    #expect(try await Answers(returned) == answers)
                    #expect(try await export(back, to: files.path("back.jsonl")) == original)
                    try await expectDerivedColumns(returned)
                }
                try await expectDerivedColumns(Frontdesk(store: moved.store, clock: { DemoTests.now }))
            }
        }
    }

    /// Both engines export the same columns, of the same kinds, for every table.
    @Test func theEnginesExportTheSameColumns() async throws {
        var columns: [[String: [TransferColumn]]] = []
        for backend in Backend.enabled {
            try await withTestStore(backend) { test in columns.append(try await transfer(test).transferColumns()) }
        }
        #expect(Set(columns[0].keys) == TransferTable.names)
        for other in columns.dropFirst() { #expect(other == columns[0]) }
    }

    @Test(arguments: Backend.enabled)
    func refusesADatabaseThatHoldsDataUnlessForced(_ backend: Backend) async throws {
        let files = TemporaryFiles()
        defer { files.remove() }
        try await withTestStore(.sqlite) { source in
            let frontdesk = Frontdesk(store: source.store, clock: { DemoTests.now })
            try await frontdesk.ensureDefaultOrganization()
            _ = try await frontdesk.createMember(Frontdesk.platformCaller(), MemberInput(name: "Ana Costa"))
            _ = try await export(source, to: files.path("one.jsonl"))
        }
        try await withTestStore(backend) { target in
            // A default organization with nothing in it, as `frontdesk migrate` leaves it, is empty.
            let frontdesk = Frontdesk(store: target.store, clock: { DemoTests.now })
            try await frontdesk.ensureDefaultOrganization()
            try await importFile(files.path("one.jsonl"), into: target)
            await #expect(throws: TransferError.notEmpty) { try await importFile(files.path("one.jsonl"), into: target) }
            _ = try await TransferFile.importRows(into: transfer(target), from: files.path("one.jsonl"), replacing: true)
            let members = try await frontdesk.members(Frontdesk.platformCaller(), filter: MemberFilter(), page: PageRequest())
            #expect(members.items.map(\.name) == ["Ana Costa"])
        }
    }

    /// A file from another schema, or not an export at all, is refused before anything is written.
    @Test func refusesAFileOfAnotherSchemaOrFormat() async throws {
        let files = TemporaryFiles()
        defer { files.remove() }
        try await withTestStore(.sqlite) { test in
            let older = TransferFormat.line(TransferHeader(engine: "sqlite", migrations: ["0001_booking_engine"]))
            try Data(older).write(to: URL(fileURLWithPath: files.path("older.jsonl")))
            await #expect(throws: TransferError.otherSchema(engine: "sqlite", missing: SQLiteStore.migrationVersions.sorted().filter { $0 != "0001_booking_engine" }, unknown: [])) {
                try await importFile(files.path("older.jsonl"), into: test)
            }
            try Data("name,email\n".utf8).write(to: URL(fileURLWithPath: files.path("people.csv")))
            await #expect(throws: TransferError.self) { try await importFile(files.path("people.csv"), into: test) }
            await #expect(throws: TransferFileError.self) { try await importFile(files.path("missing.jsonl"), into: test) }
        }
    }

    @Test func theCommandsRefuseToOverwriteAFile() async throws {
        let files = TemporaryFiles()
        defer { files.remove() }
        let database = files.path("demo.sqlite")
        try await Demo.parse(["--database", database]).run()
        try await Export.parse(["--database", database, "--format", "jsonl", "--to", files.path("demo.jsonl")]).run()
        await #expect(throws: TransferFileError.self) {
            try await Export.parse(["--database", database, "--to", files.path("demo.jsonl")]).run()
        }
        try await Import.parse(["--database", files.path("copy.sqlite"), "--from", files.path("demo.jsonl")]).run()
        await #expect(throws: TransferError.notEmpty) {
            try await Import.parse(["--database", files.path("copy.sqlite"), "--from", files.path("demo.jsonl")]).run()
        }
    }

    // MARK: - Helpers

    private func transfer(_ test: TestStore) throws -> any TransferStore {
        try #require(test.store as? any TransferStore)
    }

    /// Exports `test` into a new file at `path` and returns the file's lines.
    private func export(_ test: TestStore, to path: String) async throws -> [Substring] {
        _ = try await TransferFile.export(transfer(test), engine: test.sqlitePath == nil ? "postgres" : "sqlite", to: path)
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    }

    private func importFile(_ path: String, into test: TestStore) async throws {
        _ = try await TransferFile.importRows(into: transfer(test), from: path, replacing: false)
    }

    /// A new booking of a held line's resource and window is refused; a search finds "Tomás Silva";
    /// the next event is numbered after the last imported.
    private func expectDerivedColumns(_ frontdesk: Frontdesk) async throws {
        let owner = Frontdesk.platformCaller()
        let bookings = try await frontdesk.bookings(owner, filter: BookingFilter(statuses: [.confirmed]), page: PageRequest(limit: 200))
        let held = try #require(bookings.items.first { $0.lines.count == 2 }?.lines.last)
        await #expect(throws: FrontdeskError.self) {
            try await frontdesk.createBooking(owner, NewBooking(
                memberID: bookings.items[0].memberID, lines: [.init(resourceID: held.resourceID, window: .instants(held.window))]))
        }
        let found = try await frontdesk.members(owner, filter: MemberFilter(query: "TOMÁS"), page: PageRequest())
        #expect(found.items.map(\.name) == ["Tomás Silva"])
        // The feed goes on after the imported events.
        var last: Int64 = 0
        while let next = try await frontdesk.events(owner, after: last, limit: Frontdesk.maxEventPage).last?.sequence {
            last = next
        }
        _ = try await frontdesk.createCheckin(owner, CheckinRequest(resourceID: held.resourceID))
        #expect(try await frontdesk.events(owner, after: last, limit: 10).map(\.sequence) == [last + 1])
    }
}

/// What the API lists, through the engine.
private struct Answers: Equatable {
    var locations: [Location]
    var resources: [Resource]
    var members: [Member]
    var bookings: [Booking]
    var checkins: [Checkin]
    var actions: [Action]
    var deliveries: [WebhookDelivery]
    var audit: [AuditEntry]
    var events: [Event]

    init(_ frontdesk: Frontdesk) async throws {
        let owner = Frontdesk.platformCaller()
        let all = PageRequest(limit: PageRequest.maxLimit)
        locations = try await frontdesk.locations(owner, page: all).items
        resources = try await frontdesk.resources(owner, filter: ResourceFilter(), page: all).items
        members = try await frontdesk.members(owner, filter: MemberFilter(), page: all).items
        bookings = try await frontdesk.bookings(owner, filter: BookingFilter(), page: all).items
        checkins = try await frontdesk.checkins(owner, filter: CheckinFilter(), page: all).items
        actions = try await frontdesk.actions(owner, page: all).items
        deliveries = try await frontdesk.webhookDeliveries(owner, filter: DeliveryFilter(), page: all).items
        audit = try await frontdesk.auditEntries(owner, filter: AuditFilter(), page: all).items
        events = try await frontdesk.events(owner, after: 0, limit: 1_000)
    }
}

/// Files of one test in a directory of their own.
struct TemporaryFiles {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-cli-\(UUID())")

    init() {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
