/// A table that `frontdesk export` carries. A new feature's table is added here, after the tables
/// it refers to; its columns come from the database.
public struct TransferTable: Sendable, Hashable {
    public let name: String
    /// The columns its rows are exported in the order of; none: the order they were inserted in
    /// (which an import keeps, for rows listed in that order when they tie, such as audit entries
    /// of the same millisecond).
    public let orderedBy: [String]

    init(_ name: String, orderedBy: [String] = ["id"]) {
        self.name = name
        self.orderedBy = orderedBy
    }

    /// Every table exported, each after the tables it refers to. Left out: idempotency keys (a
    /// retry after a move runs anew), each engine's caches and counters that it derives again from
    /// these rows, and its record of migrations (in the file's header).
    public static let all: [TransferTable] = [
        TransferTable("organizations"),
        TransferTable("api_keys"),
        TransferTable("users"),
        TransferTable("locations"),
        TransferTable("resources"),
        TransferTable("members"),
        TransferTable("member_codes"),
        TransferTable("scan_nonces", orderedBy: ["organization_id", "nonce"]),
        TransferTable("bookings"),
        TransferTable("booking_lines"),
        TransferTable("booking_series", orderedBy: ["organization_id", "year"]),
        TransferTable("invoices"),
        TransferTable("invoice_items", orderedBy: ["invoice_id", "position"]),
        TransferTable("payments"),
        TransferTable("credit_notes"),
        TransferTable("deposits"),
        TransferTable("document_series", orderedBy: ["organization_id", "series", "year"]),
        TransferTable("checkins"),
        TransferTable("attendance_corrections"),
        TransferTable("member_days", orderedBy: ["organization_id", "day", "member_id", "location_id"]),
        TransferTable("member_tallies", orderedBy: ["member_id"]),
        TransferTable("actions"),
        TransferTable("action_cursors", orderedBy: ["organization_id"]),
        TransferTable("webhook_deliveries"),
        TransferTable("audit_entries", orderedBy: []),
        TransferTable("events", orderedBy: ["organization_id", "sequence"]),
    ]

    /// The names of `all`.
    public static let names = Set(all.map(\.name))
}
