import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

/// What a scan decides on, read in its transaction in as few statements as the scan needs.
extension PostgresStore {
    /// The code and its live member (locked), the member's visits at the place (newest first, by
    /// `checkins_by_member`), where a new visit can land, and the settings and zones of the place.
    func scanContext(_ organizationID: UUID, _ request: ScanRequest, _ connection: PostgresConnection) async throws -> ScanContext {
        let place: SQL
        let resources: [Resource]
        let here: ScanSite?
        switch request.place {
        case .resource(let id):
            guard let row = try await connection.rows(Self.select(Resource.self, organizationID, id), logger: logger).first
            else { throw FrontdeskError.validationFailed([FieldIssue("resource_id", "no such resource")]) }
            let resource = try Resource(row: row)
            (place, resources) = ("c.resource_id = \(id)", [resource])
            here = try await scanSite(organizationID, resource.locationID, connection)
        case .location(let id):
            here = try await scanSite(organizationID, id, connection)
            guard here?.isLiveLocation == true else { throw Self.noSuchLocation }
            place = "c.location_id = \(id)"
            resources = try await connection.rows("""
                SELECT * FROM resources WHERE organization_id = \(organizationID) AND location_id = \(id) AND deleted_at IS NULL
                """, logger: logger).map(Resource.init(row:))
        }
        guard let here else { throw FrontdeskError.notFound(entity: "organization", id: organizationID.text) }
        let code = try await connection.rows("""
            SELECT * FROM member_codes WHERE organization_id = \(organizationID) AND value = \(request.code)
            """, logger: logger).first.map(MemberCode.init(row:))
        func newest(_ condition: SQL, _ memberID: UUID) async throws -> Checkin? {
            try await connection.rows("""
                SELECT * FROM checkins c WHERE c.member_id = \(memberID) AND \(place) AND \(condition)
                ORDER BY c.created_at DESC, c.id DESC LIMIT 1
                """, logger: logger).first.map(Checkin.init(row:))
        }
        let open: SQL = "c.check_in IS NOT NULL AND c.check_out IS NULL", stamped: SQL = "c.check_in IS NOT NULL"
        var (member, linked, facts): (Member?, LinkedBooking?, (open: Checkin?, latest: Checkin?)) = (nil, nil, (nil, nil))
        if let code {
            // A booking's visit is ended after the organization's lock, taken before the member's.
            if try await newest(open, code.memberID)?.bookingID != nil { try await lockOrganization(organizationID, connection) }
            member = try await connection.rows("\(Self.select(Member.self, organizationID, code.memberID)) FOR NO KEY UPDATE",
                                               logger: logger).first.map(Member.init(row:))
            if member != nil {
                // The newest visit in progress is the newest stamped one when that one is in progress.
                let latest = try await newest(stamped, code.memberID)
                facts = (latest?.checkOut == nil ? latest : try await newest(open, code.memberID), latest)
            }
            if let bookingID = facts.open?.bookingID {
                linked = LinkedBooking(booking: try await lockBooking(organizationID, .id(bookingID), connection),
                                       checkins: try await checkins(ofBooking: bookingID, organizationID, connection))
            }
        }
        // Out of the other places first, where the location keeps members in one place at a time.
        var elsewhere: [Checkin] = []
        var contexts: [UUID: AttendanceContext] = [:]
        if let member, let location = here.location, facts.open == nil, location.onePlaceAtATime {
            elsewhere = try await connection.rows("""
                SELECT * FROM checkins c WHERE c.member_id = \(member.id) AND c.location_id <> \(location.id)
                  AND c.check_in IS NOT NULL AND c.check_out IS NULL AND c.booking_id IS NULL
                ORDER BY c.id FOR NO KEY UPDATE
                """, logger: logger).map(Checkin.init(row:))
            for visit in elsewhere { contexts[visit.id] = try await attendanceContext(of: visit, connection) }
        }
        return ScanContext(facts: ScanFacts(
            code: code, member: member, open: facts.open, latest: facts.latest, resources: resources,
            settings: here.settings, elsewhere: elsewhere),
            linked: linked, attendance: member.flatMap(here.attendance(of:)), elsewhere: contexts)
    }

    /// The organization's attendance settings and zone, and the location's (nil when it is none of
    /// the organization's); nil when there is no such organization.
    private func scanSite(_ organizationID: UUID, _ locationID: UUID, _ connection: PostgresConnection) async throws -> ScanSite? {
        guard let row = try await connection.rows("""
            SELECT o.attendance_settings, o.timezone AS organization_zone, l.id AS location_id, l.timezone AS location_zone,
                   l.one_place_at_a_time, l.deleted_at IS NULL AS live
            FROM organizations o LEFT JOIN locations l ON l.organization_id = o.id AND l.id = \(locationID)
            WHERE o.id = \(organizationID)
            """, logger: logger).first else { return nil }
        return try ScanSite(
            storedSettings: try row.value("attendance_settings"), organizationZone: try row.value("organization_zone"),
            location: try row.value("location_id", as: UUID?.self).map { id in
                (id: id, zone: try row.value("location_zone"), onePlaceAtATime: try row.value("one_place_at_a_time"),
                 live: try row.value("live"))
            })
    }
}
