/// Migration 0013: every list filter answers a page from an index range, not from the
/// organization's whole table walked oldest first (as on SQLite, `SQLiteMigrations+ListIndexes.swift`).
///
/// - A checkin's state is stored as Core derives it from the stamps (`Checkin.state`, written by
///   `Checkin.fields`), checked against the values `CheckinState` knows: the lists by state read
///   one range of `checkins_by_state` in page order. Rows written before are given theirs here.
/// - The lists by resource, member, booking, status and member read their index in page order
///   (`created_at, id`), the next page from the cursor on.
/// - The lists by window find the visits and lines overlapping it in a GiST index of their span
///   (`checkins_by_visit`; the lines' `booking_lines_by_organization` of 0001), then sort them.
/// - Bookings by resource: the bookings of the resource's lines (`booking_lines_by_resource_booking`).
/// - Lists by location are left to the planner, which walks the list in page order trying each row
///   against the location's resources: fast while the location has recent rows, not bounded
///   otherwise (a stored location would be; see the README).
extension PostgresMigrations {
    /// A visit's span as `CheckinFilter.window` reads it (an open one never ends), of the checkins
    /// named `alias`: spelled as the index spells it, so that the query finds it. Both ends are in
    /// it, so that a visit checked out in the millisecond it checked in still has one instant; the
    /// window's test of the end is exact with `visitEnd(of:)`.
    static func visit(of alias: String? = nil) -> String {
        "tstzrange(COALESCE(\(column("starts_at", alias)), \(column("check_in", alias)), \(column("created_at", alias))), "
            + "\(visitEnd(of: alias)), '[]')"
    }

    /// A visit's actual stay, from its check-in to its check-out (an open one never ends), both
    /// ends in it (a visit checked out the instant it checked in is one): spelled as
    /// `checkins_by_stay` (migration 0023) spells it, so that the query finds it.
    static func stay(of alias: String? = nil) -> String {
        "tstzrange(\(column("check_in", alias)), \(column("check_out", alias)), '[]')"
    }

    /// A visit's end as `CheckinFilter.window` reads it.
    static func visitEnd(of alias: String?) -> String {
        "COALESCE(\(column("ends_at", alias)), \(column("check_out", alias)), 'infinity')"
    }

    private static func column(_ name: String, _ alias: String?) -> String { alias.map { "\($0).\(name)" } ?? name }

    static var listIndexes: [String] {
        [
            """
            ALTER TABLE checkins ADD COLUMN state text NOT NULL DEFAULT 'pending'
                CONSTRAINT checkins_state_known CHECK (state IN ('pending', 'in_progress', 'complete'))
            """,
            """
            UPDATE checkins SET state = CASE WHEN check_out IS NULL THEN 'in_progress' ELSE 'complete' END
            WHERE check_in IS NOT NULL
            """,
            "ALTER TABLE checkins ALTER COLUMN state DROP DEFAULT",
            "CREATE INDEX checkins_by_state ON checkins (organization_id, state, created_at, id)",
            "DROP INDEX checkins_by_resource",
            "CREATE INDEX checkins_by_resource ON checkins (resource_id, created_at, id)",
            "DROP INDEX checkins_by_member",
            "CREATE INDEX checkins_by_member ON checkins (member_id, created_at, id)",
            "DROP INDEX checkins_by_booking",
            "CREATE INDEX checkins_by_booking ON checkins (booking_id, created_at, id)",
            "CREATE INDEX checkins_by_visit ON checkins USING gist (organization_id, \(visit()))",
            "DROP INDEX bookings_by_member",
            "CREATE INDEX bookings_by_member ON bookings (organization_id, member_id, created_at, id)",
            "CREATE INDEX bookings_by_status ON bookings (organization_id, status, created_at, id)",
            "CREATE INDEX booking_lines_by_resource_booking ON booking_lines (resource_id, booking_id)",
        ]
    }
}
