import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore {
    /// Reads the resources of the visits a write begins, with their zones and visits in progress,
    /// and lets Core refuse the write (`Presence.admit`): called in the write's transaction before
    /// it writes anything (see `GroupCommit`), on every path that puts a checkin in progress.
    static func admit(_ arrivals: [Arrival], _ organizationID: UUID, _ db: Database) throws {
        guard !arrivals.isEmpty else { return }
        let organization = try requireOrganization(organizationID, db)
        let ids = jsonArray(Set(arrivals.map(\.checkin.resourceID)))
        var presence: [UUID: Presence] = [:]
        for (resource, zone) in try db.rows(locatedResourcesSQL + " AND r.id IN (SELECT value FROM json_each(?))",
                                            [organizationID.text, ids], {
            (try Resource(reading: $0), Location.zone($0.optionalText(Resource.zoneColumn), else: organization.zone))
        }) {
            presence[resource.id] = Presence(resource: resource, timeZone: zone, visits: [])
        }
        // How many visits each resource has in progress, from the index of visits in progress alone
        // (a checkin's resource is its organization's: the foreign key); the visits themselves only
        // where they might leave no room (`Presence.mayBeFull`).
        for (resourceID, count) in try db.rows("""
            SELECT resource_id, count(*) FROM checkins INDEXED BY checkins_in_progress
            WHERE resource_id IN (SELECT value FROM json_each(?)) AND check_in IS NOT NULL AND check_out IS NULL
            GROUP BY resource_id
            """, [ids], { ($0.uuid(0), Int($0.int64(1))) }) {
            presence[resourceID]?.inProgress = count
        }
        let full = Presence.mayBeFull(presence, for: arrivals)
        // By resource (`+` keeps the planner off the by-organization index, which holds every checkin).
        if !full.isEmpty {
            for (resourceID, visit) in try db.rows("""
                SELECT c.resource_id, c.id, b.number FROM checkins c LEFT JOIN bookings b ON b.id = c.booking_id
                WHERE +c.organization_id = ? AND c.resource_id IN (SELECT value FROM json_each(?))
                  AND c.check_in IS NOT NULL AND c.check_out IS NULL
                """, [organizationID.text, jsonArray(full)], {
                ($0.uuid(0), Visit(checkinID: $0.uuid(1), bookingNumber: $0.optionalText(2)))
            }) {
                presence[resourceID]?.visits.append(visit)
            }
        }
        for arrival in arrivals {
            guard let line = arrival.lineHeldAgain else { continue }
            let window = Occupancy.heldWindow(line.window, checkedIn: true, at: arrival.checkin.updatedAt)
            presence[line.resourceID]?.held += try heldLines(line.resourceID, around: window, now: arrival.checkin.updatedAt,
                                                            organizationID, db)
        }
        try Presence.admit(arrivals, into: presence)
        try admitMembers(arrivals, organizationID, db)
    }

    /// Each member's visits in progress in the arrival's location, outside bookings, by the index
    /// of visits in progress (a probe that finds none for almost every arrival); their type's
    /// limit is read only when there is one (`OpenVisits`).
    private static func admitMembers(_ arrivals: [Arrival], _ organizationID: UUID, _ db: Database) throws {
        for arrival in arrivals where OpenVisits.applies(to: arrival) {
            guard let memberID = arrival.checkin.memberID else { continue }
            let open = try db.rows("""
                SELECT id FROM checkins INDEXED BY checkins_open_by_member
                WHERE member_id = ? AND location_id = ? AND check_in IS NOT NULL AND check_out IS NULL
                  AND booking_id IS NULL AND id <> ?
                """, [memberID.text, arrival.checkin.locationID.text, arrival.checkin.id.text]) { $0.uuid(0) }
            guard !open.isEmpty else { continue }
            let type = try db.row("SELECT type FROM members WHERE id = ?", [memberID.text]) { $0.text(0) } ?? ""
            try OpenVisits.admit(arrival, beside: open, limit: try attendanceSettings(organizationID, db).openVisits(for: type))
        }
    }
}
