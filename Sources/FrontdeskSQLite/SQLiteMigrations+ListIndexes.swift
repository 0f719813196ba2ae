/// Migration 0013: every list filter answers a page from an index range, not from the
/// organization's whole table walked oldest first.
///
/// - A checkin's state is stored as Core derives it from the stamps (`Checkin.state`, written by
///   `Checkin.columns`), with the values `CheckinState` knows: the lists by state read one range of
///   `checkins_by_state` in page order. Rows written before are given theirs here.
/// - The lists by resource, member and booking read their index in page order (`created_at, id`),
///   the next page from the cursor on.
/// - The list by location reads `checkins_by_resource` once per resource of the location, each in
///   page order, and stops each as soon as it is past the page (SQLite's early out of an `IN` under
///   `ORDER BY … LIMIT`): a page costs about the location's resources, not its checkins.
/// - The lists by window read only the visits ending after the window starts (`checkins_by_visit`,
///   on the effective end and start `CheckinFilter.window` describes) and the lines starting between
///   the organization's longest line before the window and its end (`booking_lines_by_time`), then
///   sort what they found: a recent window reads its days' rows and the open visits, whatever the
///   table's size; a window far in the past reads every visit since (a visit has no longest length
///   to bound it by, as lines have).
/// - Bookings by status and by member read their index in page order; by resource, the bookings of
///   the resource's lines were sorted, its whole history (until migration 0035 gave each line its
///   booking's creation: they are walked in page order).
/// - Bookings by location alone are walked in page order, each tried against the location's
///   resources: fast while the location has recent bookings, not bounded otherwise.
extension SQLiteMigrations {
    /// The effective end of a visit as `CheckinFilter.window` reads it (an open one never ends), of
    /// the checkins named `alias`: spelled as the index spells it, so that the query finds it.
    static func visitEnd(of alias: String? = nil) -> String {
        "COALESCE(\(column("ends_at", alias)), \(column("check_out", alias)), \(openEnd))"
    }

    /// Sets each organization's `longest_visit_ms` from its visits that have an end (`Checkin.span`).
    static let longestVisit = """
        UPDATE organizations SET longest_visit_ms = coalesce((
            SELECT max(\(visitEnd()) - \(visitStart())) FROM checkins
            WHERE organization_id = organizations.id AND \(visitEnd()) <> \(openEnd)), 0)
        """

    /// The end of a visit's actual stay (an open one never ends), of the checkins named `alias`:
    /// spelled as `checkins_by_stay` (migration 0023) spells it, so that the query finds it.
    static func stayEnd(of alias: String? = nil) -> String {
        "COALESCE(\(column("check_out", alias)), \(openEnd))"
    }

    /// The end of a visit that has none yet (pending without a plan, or in progress).
    static let openEnd = "9223372036854775807"

    /// The effective start of a visit as `CheckinFilter.window` reads it, as `visitEnd(of:)`.
    static func visitStart(of alias: String? = nil) -> String {
        "COALESCE(\(column("starts_at", alias)), \(column("check_in", alias)), \(column("created_at", alias)))"
    }

    private static func column(_ name: String, _ alias: String?) -> String { alias.map { "\($0).\(name)" } ?? name }

    static var listIndexes: String {
        """
        ALTER TABLE checkins ADD COLUMN state TEXT NOT NULL DEFAULT 'pending'
            CHECK (state IN ('pending', 'in_progress', 'complete'));
        UPDATE checkins SET state = CASE WHEN check_out IS NULL THEN 'in_progress' ELSE 'complete' END
            WHERE check_in IS NOT NULL;
        CREATE INDEX checkins_by_state ON checkins (organization_id, state, created_at, id);
        DROP INDEX checkins_by_resource;
        CREATE INDEX checkins_by_resource ON checkins (resource_id, created_at, id);
        DROP INDEX checkins_by_member;
        CREATE INDEX checkins_by_member ON checkins (member_id, created_at, id);
        DROP INDEX checkins_by_booking;
        CREATE INDEX checkins_by_booking ON checkins (booking_id, created_at, id);
        CREATE INDEX checkins_by_visit ON checkins (organization_id, \(visitEnd()), \(visitStart()), id);
        DROP INDEX bookings_by_member;
        CREATE INDEX bookings_by_member ON bookings (organization_id, member_id, created_at, id);
        CREATE INDEX bookings_by_status ON bookings (organization_id, status, created_at, id);
        CREATE INDEX booking_lines_by_time ON booking_lines (organization_id, starts_at, ends_at, booking_id);
        CREATE INDEX booking_lines_by_resource_booking ON booking_lines (resource_id, booking_id);
        """
    }
}
