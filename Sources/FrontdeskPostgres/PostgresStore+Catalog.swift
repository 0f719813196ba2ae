import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

extension PostgresStore: CatalogStore {
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
        try await transaction { connection in
            // Locked first, counted after: a resource being added waits on the lock or is seen.
            _ = try await self.lock(Location.self, organizationID, id, connection)
            let count: Int = try await connection.rows("""
                SELECT count(*) AS count FROM resources
                WHERE organization_id = \(organizationID) AND location_id = \(id) AND deleted_at IS NULL
                """, logger: self.logger)[0].value("count")
            try InUse.checkLocation(resources: count)
            try await self.softDelete(Location.self, organizationID, id, connection)
        }
    }

    // MARK: Resources

    public func insertResource(_ resource: Resource) async throws {
        let fields = resource.fields
        let inserted = try await query("""
            INSERT INTO resources (\(raw: fields.map(\.column).joined(separator: ", ")))
            SELECT \(SQL(joining: fields.map(\.value), separator: ", ")) FROM locations
            WHERE organization_id = \(resource.organizationID) AND id = \(resource.locationID) AND deleted_at IS NULL
            FOR SHARE
            RETURNING id
            """)
        if inserted.isEmpty { throw Self.noSuchLocation }
    }

    public func resource(_ organizationID: UUID, _ id: UUID) async throws -> Resource? {
        try await fetch(Resource.self, organizationID, id)
    }

    public func resources(_ organizationID: UUID, filter: ResourceFilter, page: PageRequest) async throws -> Page<Resource> {
        try await self.page(Resource.self, organizationID, page: page, filter: Self.conditions(filter))
    }

    public func updateResource(
        _ organizationID: UUID, _ id: UUID, _ change: @escaping @Sendable (Resource) throws -> Resource
    ) async throws -> Resource {
        try await update(Resource.self, organizationID, id, check: { next, connection in
            // Shared lock: the location cannot be deleted under the resource that moves there.
            let location = try await connection.rows("""
                SELECT 1 FROM locations
                WHERE organization_id = \(organizationID) AND id = \(next.locationID) AND deleted_at IS NULL FOR SHARE
                """, logger: self.logger)
            if location.isEmpty { throw Self.noSuchLocation }
        }, change)
    }

    public func deleteResource(_ organizationID: UUID, _ id: UUID, now: Date) async throws {
        try await transaction { connection in
            _ = try await self.lock(Resource.self, organizationID, id, connection)
            try InUse.checkResource(held: try await connection.rows("""
                SELECT booking_number, starts_at, ends_at, state = 'occupied' AS checked_in FROM booking_lines
                WHERE organization_id = \(organizationID) AND resource_id = \(id) AND state <> 'released'
                """, logger: self.logger).map(HeldLine.init(row:)), now: now)
            try await self.softDelete(Resource.self, organizationID, id, connection)
        }
    }

    /// The conditions of a resource filter.
    static func conditions(_ filter: ResourceFilter) -> [SQL] {
        var conditions: [SQL] = []
        if !filter.locationIDs.isEmpty { conditions.append("location_id \(SQL.oneOf(filter.locationIDs))") }
        if let kind = filter.kind { conditions.append("kind = \(kind)") }
        if let category = filter.category { conditions.append("category = \(category)") }
        return conditions
    }

    static let noSuchLocation = FrontdeskError.validationFailed([FieldIssue("location_id", "no such location")])

    // MARK: Members

    public func insertMember(_ member: Member) async throws { try await insert(member) }

    public func member(_ organizationID: UUID, _ id: UUID) async throws -> Member? {
        try await fetch(Member.self, organizationID, id)
    }

    public func members(_ organizationID: UUID, filter: MemberFilter, page: PageRequest) async throws -> Page<Member> {
        var conditions: [SQL] = []
        if let text = filter.query, !text.isEmpty {
            conditions.append("strpos(search_text, \(text.lowercased())) > 0")
        }
        if let code = filter.code {
            conditions.append("id IN (SELECT member_id FROM member_codes WHERE organization_id = \(organizationID) AND value = \(code))")
        }
        if let externalRef = filter.externalRef { conditions.append("external_ref = \(externalRef)") }
        return try await self.page(Member.self, organizationID, page: page, filter: conditions)
    }

    public func updateMember(
        _ organizationID: UUID, _ id: UUID, _ change: @escaping @Sendable (Member) throws -> Member
    ) async throws -> Member {
        try await update(Member.self, organizationID, id, change)
    }

    public func deleteMember(_ organizationID: UUID, _ id: UUID) async throws {
        try await transaction { connection in
            // Locked first: a booking being made for the member holds a shared lock on it.
            _ = try await self.lock(Member.self, organizationID, id, connection)
            try InUse.checkMember(bookings: try await connection.rows("""
                SELECT number, status FROM bookings
                WHERE organization_id = \(organizationID) AND member_id = \(id) AND status IN \(raw: Self.holdingStatuses)
                """, logger: self.logger).map { (number: try $0.value("number"), status: try $0.enum("status")) })
            try await connection.run("DELETE FROM member_codes WHERE member_id = \(id)", logger: self.logger)  // their values free again
            try await self.softDelete(Member.self, organizationID, id, connection)
        }
    }

    /// The statuses that hold resources, as a SQL list: Core's definition, not the adapter's.
    static let holdingStatuses = "(" + BookingStatus.holding.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ") + ")"

    // MARK: The catalog bookings read

    public func catalog(_ organizationID: UUID) async throws -> Catalog {
        // The version row comes first and once; the resources (if any) join it.
        let rows = try await query("""
            SELECT v.version AS catalog_version, r.*, loc.timezone AS location_zone,
                   \(LocationSettings.selected(as: "loc", prefix: "location_"))
            FROM (SELECT coalesce((SELECT version FROM catalog_versions WHERE organization_id = \(organizationID)), 0) AS version) v
            LEFT JOIN (resources r JOIN locations loc ON loc.organization_id = r.organization_id AND loc.id = r.location_id)
                   ON r.organization_id = \(organizationID) AND r.deleted_at IS NULL
            ORDER BY r.name COLLATE "C", r.id
            """)
        var catalog = Catalog(version: try rows.first?.value("catalog_version") ?? 0, resources: [])
        for row in rows where try row.value("id", as: UUID?.self) != nil {
            catalog.resources.append((try Resource(row: row), try row.value("location_zone"),
                                      try LocationSettings(row: row, prefix: "location_")))
        }
        return catalog
    }

    public func resourceDesks(_ organizationID: UUID, _ resourceIDs: [UUID]) async throws -> [UUID: LocalDesk] {
        guard let organization = try await organization(organizationID) else {
            throw FrontdeskError.notFound(entity: "organization", id: organizationID.text)
        }
        let rows = try await query("""
            SELECT r.id, loc.timezone AS location_zone, \(LocationSettings.selected(as: "loc", prefix: "location_"))
            FROM resources r
            JOIN locations loc ON loc.organization_id = r.organization_id AND loc.id = r.location_id
            WHERE r.organization_id = \(organizationID) AND r.id = ANY(\(resourceIDs)) AND r.deleted_at IS NULL
            """)
        return Dictionary(uniqueKeysWithValues: try rows.map { row in
            (try row.value("id"), LocalDesk(zone: try row.value("location_zone"),
                                            settings: try LocationSettings(row: row, prefix: "location_"), in: organization))
        })
    }
}
