import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

/// What a scan decides on, read in its write's transaction in as few cached statements as the
/// scan needs: every scan waits for the writer behind the scans before it.
extension SQLiteStore {
    /// The code and its live member, the member's visits at the place (newest first, by
    /// `checkins_by_member`), where a new visit can land, and the settings and zones of the place.
    static func scanContext(_ organizationID: UUID, _ request: ScanRequest, _ db: Database) throws -> ScanContext {
        let place: (column: String, id: UUID)
        let resources: [Resource]
        let here: ScanSite?
        switch request.place {
        case .resource(let id):
            let resource = try fetch(Resource.self, organizationID, id, db)
            guard let resource else { throw FrontdeskError.validationFailed([FieldIssue("resource_id", "no such resource")]) }
            (place, resources) = (("resource_id", id), [resource])
            here = try scanSite(organizationID, resource.locationID, db)
        case .location(let id):
            here = try scanSite(organizationID, id, db)
            guard here?.isLiveLocation == true else {
                throw FrontdeskError.validationFailed([FieldIssue("location_id", "no such location")])
            }
            place = ("location_id", id)
            resources = try db.rows("""
                SELECT \(Resource.selection) FROM resources WHERE organization_id = ? AND location_id = ? AND deleted_at IS NULL
                """, [organizationID.text, id.text], Resource.init(reading:))
        }
        guard let here else { throw FrontdeskError.notFound(entity: "organization", id: organizationID.text) }
        let found = try codeAndMember(organizationID, request.code, db)
        let (code, member) = (found?.0, found?.1 ?? nil)
        func newest(_ index: String, _ condition: String) throws -> Checkin? {
            guard let member else { return nil }
            return try db.row("""
                SELECT \(Checkin.selected(as: "c")) FROM checkins c INDEXED BY \(index)
                WHERE c.member_id = ? AND c.\(place.column) = ? AND \(condition) ORDER BY c.created_at DESC, c.id DESC LIMIT 1
                """, [member.id.text, place.id.text], Checkin.init(row:))
        }
        // The newest visit in progress is the newest stamped one when that one is in progress; else
        // an older one, found among the member's visits in progress alone.
        let latest = try newest("checkins_by_member", "c.check_in IS NOT NULL")
        let open = try latest.flatMap { latest in
            latest.checkOut == nil ? latest : try newest("checkins_open_by_member", "c.check_in IS NOT NULL AND c.check_out IS NULL")
        }
        let linked = try open?.bookingID.map { bookingID in
            LinkedBooking(booking: try requireBooking(organizationID, .id(bookingID), db),
                          checkins: try checkins(ofBooking: bookingID, db))
        }
        let attendance = member.flatMap(here.attendance(of:))
        // Out of the other places first, where the location keeps members in one place at a time.
        var elsewhere: [Checkin] = []
        if let member, let location = here.location, open == nil, location.onePlaceAtATime {
            elsewhere = try db.rows("""
                SELECT \(Checkin.selected(as: "c")) FROM checkins c INDEXED BY checkins_open_by_member
                WHERE c.member_id = ? AND c.location_id <> ? AND c.check_in IS NOT NULL AND c.check_out IS NULL
                  AND c.booking_id IS NULL
                """, [member.id.text, location.id.text], Checkin.init(row:))
        }
        return ScanContext(facts: ScanFacts(
            code: code, member: member, open: open, latest: latest, resources: resources,
            settings: here.settings, elsewhere: elsewhere),
            linked: linked, attendance: attendance,
            elsewhere: try elsewhere.reduce(into: [:]) { contexts, visit in contexts[visit.id] = try attendanceContext(of: visit, db) })
    }

    /// The code with `value` and its member, when live.
    private static func codeAndMember(_ organizationID: UUID, _ value: String, _ db: Database) throws -> (MemberCode, Member?)? {
        try db.row("""
            SELECT \(MemberCode.selected(as: "mc")), \(Member.selected(as: "m")) FROM member_codes mc
            LEFT JOIN members m ON m.id = mc.member_id AND m.organization_id = mc.organization_id AND m.deleted_at IS NULL
            WHERE mc.organization_id = ? AND mc.value = ?
            """, [organizationID.text, value]) { row in
            let memberAt = Int32(MemberCode.columnNames.count)
            return (try MemberCode(reading: row), try row.optionalText(memberAt).map { _ in try Member(reading: row, at: memberAt) })
        }
    }

    /// The organization's attendance settings and zone, and the location's (nil when it is none of
    /// the organization's); nil when there is no such organization.
    private static func scanSite(_ organizationID: UUID, _ locationID: UUID, _ db: Database) throws -> ScanSite? {
        try db.row("""
            SELECT o.attendance_settings, o.timezone, l.id, l.timezone, l.one_place_at_a_time, l.deleted_at IS NULL
            FROM organizations o LEFT JOIN locations l ON l.organization_id = o.id AND l.id = ?
            WHERE o.id = ?
            """, [locationID.text, organizationID.text]) { row in
            try ScanSite(storedSettings: row.text(0), organizationZone: row.text(1), location: row.optionalText(2).map { _ in
                (id: row.uuid(2), zone: row.optionalText(3), onePlaceAtATime: row.int64(4) != 0, live: row.int64(5) != 0)
            })
        }
    }
}
