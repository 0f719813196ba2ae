/// Migration 0011: each column holding an enumeration accepts only its known values.
///
/// SQLite cannot add a CHECK to an existing column: each of these seven tables would have to be
/// built again, its rows copied and every index and trigger on it made again (0001's and 0005's
/// indexes, 0006's catalog triggers on resources), with the foreign keys of the lines, checkins
/// and deliveries that refer to it kept pointing at it, and a future index forgotten in the copy
/// lost silently. Two triggers a table refuse what such a CHECK would (`RAISE(ABORT)` before the
/// row is written, on an INSERT and on an UPDATE of those columns) with nothing copied. Since
/// migration 0036 the lists are CHECK constraints after all, carried by a virtual column each
/// table gained (`enumChecksInline`): the triggers cost every INSERT a statement journal. The
/// migrations before it still make and remake the triggers, as they did. PostgreSQL carries the
/// same lists as CHECK constraints (`PostgresMigrations+EnumChecks.swift`).
extension SQLiteMigrations {
    /// The values each enumerated column may hold, with the event types as a migration wrote them.
    /// A new value needs a migration of its own; `EnumCheckConformanceTests` fails until it has one.
    private static func enumeratedColumns(
        _ eventTypes: [String]
    ) -> [(table: String, columns: [(name: String, values: [String])])] { [
        ("api_keys", [("role", ["owner", "admin", "manager", "front_desk", "viewer", "kiosk"])]),
        ("resources", [("rate_unit", ["night", "day", "hour", "session"]),
                       ("status", ["active", "out_of_service"]),
                       ("housekeeping", ["clean", "dirty"])]),
        ("bookings", [("status", ["pending", "confirmed", "checked_in", "active", "completed", "cancelled",
                                  "no_show", "expired"]),
                      ("source", ["web", "phone", "walk_in", "api", "pos"])]),
        ("booking_lines", [("state", ["reserved", "occupied", "released"])]),
        ("events", [("type", eventTypes)]),
        ("actions", [("trigger_event", eventTypes),
                     ("scope", ["organization", "location", "resource"]),
                     ("type", ["webhook", "flag_for_cleaning", "ready_next_booking"])]),
        ("webhook_deliveries", [("event_type", eventTypes), ("status", ["pending", "delivered", "failed"])]),
    ] }

    /// The event types of migrations 0011 and 0019.
    private static let eventTypes = [
        "booking_created", "booking_updated", "booking_confirmed", "booking_checked_in", "booking_started",
        "booking_completed", "booking_cancelled", "booking_no_show", "booking_expired", "booking_deleted",
        "booking_ready", "booking_line_checked_in", "booking_line_checked_out", "checkin_created",
        "checkin_started", "checkin_updated", "checkin_deleted", "checkout_started", "checkout_completed",
    ]

    /// A value is unknown when it differs from each known one. Spelled as comparisons, not as
    /// `NOT IN (…)`: SQLite builds a list of more than two constants into a temporary B-tree each
    /// time a trigger runs: 3% of a booking's cost (migration 0019).
    static var enumChecks: String { enumChecks(eventTypes) }

    private static func enumChecks(_ eventTypes: [String]) -> String {
        enumeratedColumns(eventTypes).map { table, columns in
            let unknown = columns.map { column in
                "(" + column.values.map { "NEW.\(column.name) <> '\($0)'" }.joined(separator: " AND ") + ")"
            }.joined(separator: " OR ")
            return [("insert", "INSERT"), ("update", "UPDATE OF " + columns.map(\.name).joined(separator: ", "))]
                .map { name, event in
                    """
                    CREATE TRIGGER \(table)_known_values_\(name) BEFORE \(event) ON \(table)
                    WHEN \(unknown) BEGIN
                        SELECT RAISE(ABORT, 'CHECK constraint failed: \(table) holds a value this build does not know');
                    END;

                    """
                }.joined()
        }.joined()
    }

    /// Migration 0019: the triggers of 0011 made again with their lists spelled as comparisons.
    static var enumChecksCompared: String { madeAgain(eventTypes) }

    /// Migration 0021: the triggers made again with the event type of scans, `checkin_failed`.
    static var enumChecksWithAttendance: String { madeAgain(eventTypes + ["checkin_failed"]) }

    /// Migration 0024: and with that of auto-checkouts, `session_expired`.
    static var enumChecksWithDetection: String { madeAgain(eventTypes + ["checkin_failed", "session_expired"]) }

    /// Migration 0025: and with those of attendance corrections.
    static var enumChecksWithCorrections: String {
        madeAgain(eventTypes + ["checkin_failed", "session_expired", "correction_submitted", "correction_approved",
                                "correction_rejected", "correction_applied"])
    }

    /// Migration 0028: and those announcing members' attendance.
    static var enumChecksWithTallies: String { madeAgain(eventTypes + talliesAdded) }

    /// Migration 0029: and those of a booking changed at the desk (`BookingRevision`).
    static var enumChecksWithRevisions: String { madeAgain(eventTypes + talliesAdded + revisionsAdded) }

    /// Migration 0032: and those of invoices and payments.
    static var enumChecksWithInvoices: String { madeAgain(eventTypesWithInvoices) }

    private static var eventTypesWithInvoices: [String] { eventTypes + talliesAdded + revisionsAdded + invoicesAdded }

    static let invoicesAdded = [
        "invoice_created", "invoice_updated", "invoice_finalized", "payment_recorded", "refund_recorded",
        "credit_note_issued", "deposit_held", "deposit_released", "deposit_captured", "booking_damage_recorded",
    ]

    private static let talliesAdded = [
        "checkin_failed", "session_expired", "correction_submitted", "correction_approved", "correction_rejected",
        "correction_applied", "streak_milestone", "engagement_changed",
    ]
    private static let revisionsAdded = [
        "booking_line_added", "booking_line_removed", "booking_line_changed", "booking_member_changed",
    ]

    /// Migration 0036: the triggers replaced by a CHECK constraint on each table, held by a virtual
    /// column of its own (`known_values`, always NULL, stored nowhere) since SQLite adds a CHECK only
    /// with a column. A trigger that may `RAISE(ABORT)` makes SQLite keep a statement journal for
    /// every INSERT into its table: each page the statement changes that the batch's earlier writes
    /// changed too is copied first, and the trigger runs as a program of its own. The bookings, their
    /// lines and the events paid that on every write (`scripts/bench-ab`: 4,157 → 4,340 bookings/s
    /// without the insert triggers). A CHECK is tested inline, on an UPDATE only when it changes a
    /// column the CHECK reads. Widening a list later is dropping the column (nothing is stored: no
    /// row is rewritten) and adding it again with the longer list (SQLite reads every row to test it).
    static var enumChecksInline: String {
        enumeratedColumns(eventTypesWithInvoices).map { table, _ in
            """
            DROP TRIGGER \(table)_known_values_insert;
            DROP TRIGGER \(table)_known_values_update;
            ALTER TABLE \(table) ADD COLUMN \(knownValuesColumn(of: table));

            """
        }.joined()
    }

    /// The definition of `table`'s `known_values` column (migration 0036), for a table built again.
    static func knownValuesColumn(of table: String) -> String {
        guard let columns = enumeratedColumns(eventTypesWithInvoices).first(where: { $0.table == table })?.columns else {
            preconditionFailure("\(table) holds no enumeration")
        }
        // Comparisons, not `IN (…)`: see `enumChecks`.
        let known = columns.map { column in
            "(" + column.values.map { "\(column.name) = '\($0)'" }.joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
        return """
            known_values INTEGER GENERATED ALWAYS AS (NULL) VIRTUAL
                CONSTRAINT \(table)_known_values CHECK (\(known))
            """
    }

    /// `IF EXISTS`: a test runs migration 0028 again, as an older database would, on a schema whose
    /// triggers 0036 has replaced.
    private static func madeAgain(_ eventTypes: [String]) -> String {
        enumeratedColumns(eventTypes).map { table, _ in
            "DROP TRIGGER IF EXISTS \(table)_known_values_insert;\nDROP TRIGGER IF EXISTS \(table)_known_values_update;\n"
        }.joined() + enumChecks(eventTypes)
    }
}
