import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import GRDB
import Testing

/// Stored enumerations on every engine: the schema takes each value the code knows and refuses any
/// other (migration 0011), and a value that got in anyway is an error when read, never a default.
@Suite("Enum checks")
struct EnumCheckConformanceTests {
    /// Every enumerated column, with every value Core knows for it.
    static let columns: [(table: String, column: String, values: [String])] = [
        ("api_keys", "role", Role.allCases.map(\.rawValue)),
        ("resources", "rate_unit", RateUnit.allCases.map(\.rawValue)),
        ("resources", "status", Resource.Status.allCases.map(\.rawValue)),
        ("resources", "housekeeping", Housekeeping.allCases.map(\.rawValue)),
        ("bookings", "status", BookingStatus.allCases.map(\.rawValue)),
        ("bookings", "source", Booking.Source.allCases.map(\.rawValue)),
        ("booking_lines", "state", BookingLine.State.allCases.map(\.rawValue)),
        ("events", "type", EventType.allCases.map(\.rawValue)),
        ("actions", "trigger_event", EventType.allCases.map(\.rawValue)),
        ("actions", "scope", [ActionScope.organization, .location(UUID()), .resource(UUID())].map(\.kind)),
        ("actions", "type", ActionType.allCases.map(\.rawValue)),
        ("webhook_deliveries", "event_type", EventType.allCases.map(\.rawValue)),
        ("webhook_deliveries", "status", DeliveryStatus.allCases.map(\.rawValue)),
        ("members", "status", MemberStatus.allCases.map(\.rawValue)),
        ("member_codes", "kind", MemberCode.Kind.allCases.map(\.rawValue)),
        ("checkins", "method", CheckinMethod.allCases.map(\.rawValue)),
    ]

    /// A row in every table of `columns`: a key, a resource, a member with a code, a booking with
    /// its line and events, an action and one webhook delivery.
    struct World {
        var resource: Resource
        var booking: Booking
        var action: Action
    }

    static func world(_ f: StoreFixture) async throws -> World {
        let location = try await f.makeLocation()
        let resource = try await f.makeResource(at: location)
        let member = try await f.makeMember()
        _ = try await f.frontdesk.addCode(f.owner, member: member.id, value: "BADGE-1", kind: .badge)
        let booking = try await f.book(member, resource, hours(14, 34))
        let action = try await f.frontdesk.createAction(f.owner, ActionConformanceTests.webhook(.checkinCreated))
        _ = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: resource.id, memberID: member.id))
        _ = try await f.frontdesk.dispatch()
        #expect(try await ActionConformanceTests.deliveries(f).count == 1)
        return World(resource: resource, booking: booking, action: action)
    }

    @Test(arguments: Backend.enabled)
    func theSchemaTakesEveryKnownValueAndRefusesAnyOther(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            _ = try await Self.world(f)
            for (table, column, values) in Self.columns {
                for value in values {
                    await #expect(throws: Never.self, "\(table).\(column) = \(value)") {
                        try await backend.execute("UPDATE \(table) SET \(column) = '\(value)'", in: f.test)
                    }
                }
                await #expect(throws: (any Error).self, "\(table).\(column) = teleported") {
                    try await backend.execute("UPDATE \(table) SET \(column) = 'teleported'", in: f.test)
                }
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func aNewRowWithAnUnknownValueIsRefused(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let copy = switch backend {
            case .sqlite: "SELECT 'x' || id, organization_id, name, 'wizard', prefix, 'x' || hash, is_platform, created_at"
            case .postgres: "SELECT gen_random_uuid(), organization_id, name, 'wizard', prefix, 'x' || hash, is_platform, created_at"
            }
            await #expect(throws: (any Error).self) {
                try await backend.execute("""
                    INSERT INTO api_keys (id, organization_id, name, role, prefix, hash, is_platform, created_at)
                    \(copy) FROM api_keys
                    """, in: f.test)
            }
            let keys = try await f.frontdesk.keys(f.owner)
            #expect(keys.count == 1)
        }
    }

    /// Where no constraint holds (a database written before 0011, or by hand), reading a value the
    /// code does not know throws `UnreadableValue`: no booking is silently `cancelled`.
    @Test(arguments: Backend.enabled)
    func anUnknownStoredValueIsAnErrorWhenRead(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let world = try await Self.world(f)
            let reads: [(table: String, column: String, read: () async throws -> Void)] = [
                ("bookings", "status", { _ = try await f.frontdesk.booking(f.owner, .id(world.booking.id)) }),
                ("bookings", "source", { _ = try await f.allBookings() }),
                ("booking_lines", "state", { _ = try await f.frontdesk.booking(f.owner, .id(world.booking.id)) }),
                ("resources", "status", { _ = try await f.frontdesk.resource(f.owner, world.resource.id) }),
                ("resources", "rate_unit", { _ = try await f.frontdesk.resource(f.owner, world.resource.id) }),
                ("resources", "housekeeping", {
                    _ = try await f.frontdesk.availability(f.owner, window: .instants(hours(40, 50)), filter: ResourceFilter())
                }),
                ("api_keys", "role", { _ = try await f.frontdesk.keys(f.owner) }),
                ("events", "type", { _ = try await f.allEvents() }),
                ("actions", "type", { _ = try await f.frontdesk.action(f.owner, world.action.id) }),
                ("actions", "trigger_event", { _ = try await f.frontdesk.action(f.owner, world.action.id) }),
                ("actions", "scope", { _ = try await f.frontdesk.action(f.owner, world.action.id) }),
                ("webhook_deliveries", "status", { _ = try await ActionConformanceTests.deliveries(f) }),
                ("webhook_deliveries", "event_type", { _ = try await ActionConformanceTests.deliveries(f) }),
            ]
            for (table, column, read) in reads {
                try await backend.dropEnumChecks(table, column, in: f.test)
                try await backend.execute("UPDATE \(table) SET \(column) = 'teleported'", in: f.test)
                do {
                    try await read()
                    Issue.record("\(table).\(column): a value this build does not know was read")
                } catch let error as UnreadableValue {
                    #expect(error.value == "teleported", "\(table).\(column)")
                }
                try await backend.execute("UPDATE \(table) SET \(column) = '\(Self.restored(table, column))'", in: f.test)
            }
        }
    }

    /// The value a column is set back to after its case.
    private static func restored(_ table: String, _ column: String) -> String {
        switch (table, column) {
        case ("bookings", "status"): "confirmed"
        case ("bookings", "source"): "api"
        case ("booking_lines", "state"): "reserved"
        case ("resources", "status"), ("api_keys", "role"), ("actions", "type"), ("webhook_deliveries", "status"):
            columns.first { $0.table == table && $0.column == column }!.values[0]
        case ("resources", "rate_unit"): "night"
        case ("resources", "housekeeping"): "clean"
        case ("actions", "scope"): "organization"
        default: "checkin_created"
        }
    }
}

extension Backend {
    /// Drops what migration 0011 made to refuse unknown values of `table`'s `column`.
    func dropEnumChecks(_ table: String, _ column: String, in test: TestStore) async throws {
        switch self {
        case .sqlite:
            // The table's CHECK lives on its `known_values` column (migration 0036); a later case of
            // the same table finds it dropped already.
            let queue = try DatabaseQueue(path: try #require(test.sqlitePath))
            defer { try? queue.close() }
            try await queue.write { db in
                if try db.columns(in: table).contains(where: { $0.name == "known_values" }) {
                    try db.execute(sql: "ALTER TABLE \(table) DROP COLUMN known_values")
                }
            }
        case .postgres:
            // booking_lines.state has had its CHECK since 0001, under PostgreSQL's name for it.
            let name = table == "booking_lines" ? "booking_lines_state_check" : "\(table)_\(column)_known"
            try await execute("ALTER TABLE \(table) DROP CONSTRAINT \(name)", in: test)
        }
    }
}
