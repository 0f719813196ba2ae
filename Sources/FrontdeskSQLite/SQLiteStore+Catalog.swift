import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore: CatalogStore {
    // MARK: Locations

    public func insertLocation(_ location: Location) async throws { try await insert(location) }

    public func location(_ organizationID: UUID, _ id: UUID) async throws -> Location? {
        try await fetch(Location.self, organizationID, id)
    }

    public func locations(_ organizationID: UUID, page: PageRequest) async throws -> Page<Location> {
        try await self.page(Location.self, organizationID, page: page)
    }

    public func updateLocation(
        _ organizationID: UUID, _ id: UUID, _ change: @escaping @Sendable (Location) throws -> Location
    ) async throws -> Location {
        try await update(Location.self, organizationID, id, change)
    }

    public func deleteLocation(_ organizationID: UUID, _ id: UUID) async throws {
        try await write { db in
            _ = try Self.require(Location.self, organizationID, id, db)
            let resources = try db.cachedValue(Int.self, sql: """
                SELECT count(*) FROM resources WHERE organization_id = ? AND location_id = ? AND deleted_at IS NULL
                """, arguments: [organizationID.text, id.text]) ?? 0
            try InUse.checkLocation(resources: resources)
            try Self.softDelete(Location.self, organizationID, id, db)
        }
    }

    // MARK: Resources

    public func insertResource(_ resource: Resource) async throws {
        try await write { db in
            try Self.checkLocation(of: resource, db)
            try db.insert(Resource.table, resource.columns)
        }
    }

    static func checkLocation(of resource: Resource, _ db: Database) throws {
        if try fetch(Location.self, resource.organizationID, resource.locationID, db) == nil {
            throw FrontdeskError.validationFailed([FieldIssue("location_id", "no such location")])
        }
    }

    public func resource(_ organizationID: UUID, _ id: UUID) async throws -> Resource? {
        try await fetch(Resource.self, organizationID, id)
    }

    public func resources(_ organizationID: UUID, filter: ResourceFilter, page: PageRequest) async throws -> Page<Resource> {
        var conditions: [(sql: String, value: any DatabaseValueConvertible)] = []
        if !filter.locationIDs.isEmpty {
            conditions.append(("location_id IN (SELECT value FROM json_each(?))", jsonArray(filter.locationIDs)))
        }
        if let kind = filter.kind { conditions.append(("kind = ?", kind)) }
        if let category = filter.category { conditions.append(("category = ?", category)) }
        return try await self.page(Resource.self, organizationID, page: page, filter: conditions)
    }

    public func updateResource(
        _ organizationID: UUID, _ id: UUID, _ change: @escaping @Sendable (Resource) throws -> Resource
    ) async throws -> Resource {
        try await update(Resource.self, organizationID, id, check: { next, db in try Self.checkLocation(of: next, db) }, change)
    }

    public func deleteResource(_ organizationID: UUID, _ id: UUID, now: Date) async throws {
        try await write { db in
            _ = try Self.require(Resource.self, organizationID, id, db)
            try InUse.checkResource(held: try db.rows("""
                SELECT starts_at, ends_at, booking_number, state = 'occupied' FROM booking_lines
                WHERE resource_id = ? AND state <> 'released'
                """, [id.text], Self.heldLine), now: now)
            try Self.softDelete(Resource.self, organizationID, id, db)
        }
    }

    // MARK: Members

    public func insertMember(_ member: Member) async throws { try await insert(member) }

    public func member(_ organizationID: UUID, _ id: UUID) async throws -> Member? {
        try await fetch(Member.self, organizationID, id)
    }

    public func members(_ organizationID: UUID, filter: MemberFilter, page: PageRequest) async throws -> Page<Member> {
        var conditions: [(sql: String, value: any DatabaseValueConvertible)] = []
        if let query = filter.query, !query.isEmpty {
            // Swift's lowercasing (GRDB registers it on every connection): SQLite's lower() folds ASCII only.
            conditions.append((
                "instr(swiftLowercaseString(name || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')), ?) > 0",
                query.lowercased()))
        }
        if let code = filter.code {
            conditions.append(("id IN (SELECT member_id FROM member_codes WHERE organization_id = members.organization_id AND value = ?)", code))
        }
        if let externalRef = filter.externalRef { conditions.append(("external_ref = ?", externalRef)) }
        return try await self.page(Member.self, organizationID, page: page, filter: conditions)
    }

    public func updateMember(
        _ organizationID: UUID, _ id: UUID, _ change: @escaping @Sendable (Member) throws -> Member
    ) async throws -> Member {
        try await update(Member.self, organizationID, id, change)
    }

    public func deleteMember(_ organizationID: UUID, _ id: UUID) async throws {
        try await write { db in
            _ = try Self.require(Member.self, organizationID, id, db)
            try InUse.checkMember(bookings: try db.rows("""
                SELECT number, status FROM bookings WHERE organization_id = ? AND member_id = ?
                AND status IN \(SQLiteStore.holdingStatuses)
                """, [organizationID.text, id.text]) { (number: $0.text(0), status: try $0.enumeration(1, "status")) })
            try db.run("DELETE FROM member_codes WHERE member_id = ?", [id.text])  // their values free again
            try Self.softDelete(Member.self, organizationID, id, db)
        }
    }

    // MARK: The catalog bookings read

    private static let catalogSQL = locatedResourcesSQL + " ORDER BY r.name, r.id"

    public func catalog(_ organizationID: UUID) async throws -> Catalog {
        try await read { db in
            Catalog(version: try Self.catalogVersion(organizationID, db),
                    resources: try db.rows(Self.catalogSQL, [organizationID.text]) { row in
                        (resource: try Resource(reading: row), zone: row.optionalText(Resource.zoneColumn),
                         settings: LocationSettings(row: row, at: Resource.zoneColumn + 1))
                    })
        }
    }

    public func resourceDesks(_ organizationID: UUID, _ resourceIDs: [UUID]) async throws -> [UUID: LocalDesk] {
        try await read { db in
            let organization = try Self.requireOrganization(organizationID, db)
            let desks = try db.rows(sql: """
                SELECT r.id, l.timezone, \(LocationSettings.selected(as: "l"))
                FROM resources r JOIN locations l ON l.id = r.location_id
                WHERE r.organization_id = ? AND r.id IN \(placeholders(resourceIDs.count))
                """, arguments: StatementArguments([organizationID.text] + resourceIDs.map(\.text))) {
                ($0.uuid(0), LocalDesk(zone: $0.optionalText(1), settings: LocationSettings(row: $0, at: 2), in: organization))
            }
            return Dictionary(desks) { a, _ in a }
        }
    }
}
