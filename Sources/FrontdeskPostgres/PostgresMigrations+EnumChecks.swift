/// Migration 0011: each column holding an enumeration accepts only its known values, as a named
/// CHECK constraint (`<table>_<column>_known`; widening a list later is dropping it and adding it
/// again). `booking_lines.state` has had its CHECK since 0001. SQLite carries the same lists
/// (`SQLiteMigrations+EnumChecks.swift`).
extension PostgresMigrations {
    /// The values each enumerated column may hold, as this migration wrote them. A new value needs
    /// a migration of its own; `EnumCheckConformanceTests` fails until it has one.
    private static let enumeratedColumns: [(table: String, column: String, values: [String])] = [
        ("api_keys", "role", ["owner", "admin", "manager", "front_desk", "viewer", "kiosk"]),
        ("resources", "rate_unit", ["night", "day", "hour", "session"]),
        ("resources", "status", ["active", "out_of_service"]),
        ("resources", "housekeeping", ["clean", "dirty"]),
        ("bookings", "status", ["pending", "confirmed", "checked_in", "active", "completed", "cancelled",
                                "no_show", "expired"]),
        ("bookings", "source", ["web", "phone", "walk_in", "api", "pos"]),
        ("events", "type", eventTypes),
        ("actions", "trigger_event", eventTypes),
        ("actions", "scope", ["organization", "location", "resource"]),
        ("actions", "type", ["webhook", "flag_for_cleaning", "ready_next_booking"]),
        ("webhook_deliveries", "event_type", eventTypes),
        ("webhook_deliveries", "status", ["pending", "delivered", "failed"]),
    ]

    /// The event types of migration 0011.
    private static let eventTypes = [
        "booking_created", "booking_updated", "booking_confirmed", "booking_checked_in", "booking_started",
        "booking_completed", "booking_cancelled", "booking_no_show", "booking_expired", "booking_deleted",
        "booking_ready", "booking_line_checked_in", "booking_line_checked_out", "checkin_created",
        "checkin_started", "checkin_updated", "checkin_deleted", "checkout_started", "checkout_completed",
    ]

    static var enumChecks: [String] {
        enumeratedColumns.map { table, column, values in check(table, column, values) }
    }

    /// Migration 0021: the event type of scans, `checkin_failed`, in every list of event types.
    static var eventTypesWithAttendance: [String] { eventTypes(adding: ["checkin_failed"]) }

    /// Migration 0024: and that of auto-checkouts, `session_expired`.
    static var eventTypesWithDetection: [String] { eventTypes(adding: ["checkin_failed", "session_expired"]) }

    /// Migration 0025: and those of attendance corrections.
    static var eventTypesWithCorrections: [String] {
        eventTypes(adding: ["checkin_failed", "session_expired", "correction_submitted", "correction_approved",
                            "correction_rejected", "correction_applied"])
    }

    /// Migration 0028: and those announcing members' attendance.
    static var eventTypesWithTallies: [String] { eventTypes(adding: talliesAdded) }

    /// Migration 0029: and those of a booking changed at the desk (`BookingRevision`).
    static var eventTypesWithRevisions: [String] { eventTypes(adding: talliesAdded + revisionsAdded) }

    /// Migration 0032: and those of invoices and payments.
    static var eventTypesWithInvoices: [String] {
        eventTypes(adding: talliesAdded + revisionsAdded + [
            "invoice_created", "invoice_updated", "invoice_finalized", "payment_recorded", "refund_recorded",
            "credit_note_issued", "deposit_held", "deposit_released", "deposit_captured", "booking_damage_recorded",
        ])
    }

    private static let revisionsAdded = [
        "booking_line_added", "booking_line_removed", "booking_line_changed", "booking_member_changed",
    ]

    private static let talliesAdded = [
        "checkin_failed", "session_expired", "correction_submitted", "correction_approved", "correction_rejected",
        "correction_applied", "streak_milestone", "engagement_changed",
    ]

    private static func eventTypes(adding added: [String]) -> [String] {
        enumeratedColumns.filter { $0.values == eventTypes }.flatMap { table, column, _ in
            ["ALTER TABLE \(table) DROP CONSTRAINT \(table)_\(column)_known", check(table, column, eventTypes + added)]
        }
    }

    private static func check(_ table: String, _ column: String, _ values: [String]) -> String {
        "ALTER TABLE \(table) ADD CONSTRAINT \(table)_\(column)_known CHECK (\(column) IN ("
            + values.map { "'\($0)'" }.joined(separator: ", ") + "))"
    }
}
