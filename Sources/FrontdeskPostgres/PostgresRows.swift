import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

extension PostgresRandomAccessRow {
    func value<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try self[column].decode(T.self)
    }

    func date(_ column: String) throws -> Date {
        try value(column, as: Instant.self).date
    }

    func optionalDate(_ column: String) throws -> Date? {
        try value(column, as: Instant?.self)?.date
    }

    func `enum`<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        try T(stored: try value(column, as: String.self), column: column)
    }

    func optionalEnum<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T? where T.RawValue == String {
        try value(column, as: String?.self).map { try T(stored: $0, column: column) }
    }
}

// MARK: Rows ↔ domain values

extension Organization {
    init(row: PostgresRandomAccessRow) throws {
        self.init(
            id: try row.value("id"), name: try row.value("name"), timeZone: try row.value("timezone"),
            currency: try row.value("currency"), checkInTime: try row.value("check_in_time"),
            checkOutTime: try row.value("check_out_time"), bookingNumberPrefix: try row.value("booking_number_prefix"),
            noShowGraceMinutes: try row.value("no_show_grace_minutes"),
            pendingHoldMinutes: try row.value("pending_hold_minutes"), autoNoShow: try row.value("auto_no_show"),
            billing: try BillingSettings(stored: try row.value("billing")), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}

extension APIKey {
    init(row: PostgresRandomAccessRow) throws {
        self.init(
            id: try row.value("id"), organizationID: try row.value("organization_id"), name: try row.value("name"),
            role: try row.enum("role"), prefix: try row.value("prefix"), hash: try row.value("hash"),
            isPlatform: try row.value("is_platform"), createdAt: try row.date("created_at"))
    }
}

extension Location {
    init(row: PostgresRandomAccessRow) throws {
        self.init(
            id: try row.value("id"), organizationID: try row.value("organization_id"), name: try row.value("name"),
            timeZone: try row.value("timezone"), settings: try LocationSettings(row: row, prefix: ""),
            onePlaceAtATime: try row.value("one_place_at_a_time"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}

extension LocationSettings {
    /// A location's override columns, named with `prefix` when a query renames them.
    static func selected(as alias: String, prefix: String) -> SQL {
        SQL(joining: ["check_in_time", "check_out_time", "no_show_grace_minutes", "pending_hold_minutes", "auto_no_show"]
            .map { "\(raw: alias).\(raw: $0) AS \(raw: prefix + $0)" }, separator: ", ")
    }

    init(row: PostgresRandomAccessRow, prefix: String) throws {
        self.init(checkInTime: try row.value(prefix + "check_in_time"), checkOutTime: try row.value(prefix + "check_out_time"),
                  noShowGraceMinutes: try row.value(prefix + "no_show_grace_minutes"),
                  pendingHoldMinutes: try row.value(prefix + "pending_hold_minutes"),
                  autoNoShow: try row.value(prefix + "auto_no_show"))
    }
}

extension Resource {
    init(row: PostgresRandomAccessRow) throws {
        self.init(
            id: try row.value("id"), organizationID: try row.value("organization_id"),
            locationID: try row.value("location_id"), name: try row.value("name"), kind: try row.value("kind"),
            category: try row.value("category"), capacity: try row.value("capacity"),
            rateAmount: try row.value("rate_amount"), rateUnit: try row.enum("rate_unit"),
            rateTiers: try RateTier.tiers(stored: try row.value("rate_tiers")),
            status: try row.enum("status"), housekeeping: try row.enum("housekeeping"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }
}

extension Member {
    init(row: PostgresRandomAccessRow) throws {
        self.init(
            id: try row.value("id"), organizationID: try row.value("organization_id"), type: try row.value("type"),
            name: try row.value("name"), email: try row.value("email"), phone: try row.value("phone"),
            externalRef: try row.value("external_ref"), notes: try row.value("notes"), status: try row.enum("status"),
            attendanceEnabled: try row.value("attendance_enabled"),
            schedule: try row.value("schedule", as: String?.self).map(Schedule.init(stored:)),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }
}

extension MemberCode {
    init(row: PostgresRandomAccessRow) throws {
        self.init(
            id: try row.value("id"), organizationID: try row.value("organization_id"), memberID: try row.value("member_id"),
            value: try row.value("value"), kind: try row.enum("kind"), expiresAt: try row.optionalDate("expires_at"),
            createdAt: try row.date("created_at"))
    }
}

extension Booking {
    /// The columns of a line, selected beside the booking's own (`b.*`) by `fromRows`.
    static let lineColumns: SQL = """
        l.id AS line_id, l.resource_id AS line_resource_id, l.starts_at AS line_starts_at, \
        l.ends_at AS line_ends_at, l.state AS line_state, l.checked_in_at AS line_checked_in_at, \
        l.checked_out_at AS line_checked_out_at, l.amount AS line_amount, r.name AS line_resource_name, \
        r.category AS line_resource_category, m.name AS member_name, l.check_in_date AS line_check_in_date, \
        l.check_out_date AS line_check_out_date
        """

    /// The joins `lineColumns` reads its names from, after `bookings b LEFT JOIN booking_lines l`.
    static let nameJoins: SQL = "LEFT JOIN resources r ON r.id = l.resource_id JOIN members m ON m.id = b.member_id"

    /// Bookings from rows of `b.*, lineColumns`, one row per line, a booking's rows together.
    static func fromRows(_ rows: [PostgresRandomAccessRow]) throws -> [Booking] {
        var bookings: [Booking] = []
        for row in rows {
            let id: UUID = try row.value("id")
            if bookings.last?.id != id { bookings.append(try Booking(row: row)) }
            // A booking without lines comes as one row of NULL line columns (outer join).
            if try row.value("line_id", as: UUID?.self) != nil {
                bookings[bookings.count - 1].lines.append(try BookingLine(row: row))
            }
        }
        return bookings
    }

    private init(row: PostgresRandomAccessRow) throws {
        self.init(
            id: try row.value("id"), organizationID: try row.value("organization_id"), number: try row.value("number"),
            status: try row.enum("status"), memberID: try row.value("member_id"),
            locationID: try row.value("location_id"), lines: [],
            source: try row.enum("source"), notes: try row.value("notes"),
            cancellationReason: try row.value("cancellation_reason"),
            actualStartAt: try row.optionalDate("actual_start_at"), actualEndAt: try row.optionalDate("actual_end_at"),
            readyAt: try row.optionalDate("ready_at"), currency: try row.value("currency"), version: try row.value("version"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"), memberName: try row.value("member_name"))
    }
}

extension HeldLine {
    /// From the columns `booking_number, starts_at, ends_at, checked_in`.
    init(row: PostgresRandomAccessRow) throws {
        self.init(bookingNumber: try row.value("booking_number"),
                  window: TimeWindow(start: try row.date("starts_at"), end: try row.date("ends_at")),
                  checkedIn: try row.value("checked_in"))
    }
}

extension BookingLine {
    fileprivate init(row: PostgresRandomAccessRow) throws {
        self.init(
            id: try row.value("line_id"), resourceID: try row.value("line_resource_id"),
            window: TimeWindow(start: try row.date("line_starts_at"), end: try row.date("line_ends_at")),
            state: try row.enum("line_state"), checkedInAt: try row.optionalDate("line_checked_in_at"),
            checkedOutAt: try row.optionalDate("line_checked_out_at"), amount: try row.value("line_amount"))
        (resourceName, resourceCategory) = (try row.value("line_resource_name"), try row.value("line_resource_category"))
        dates = try StayDates(stored: try row.value("line_check_in_date"), try row.value("line_check_out_date"))
    }
}

extension Checkin {
    init(row: PostgresRandomAccessRow) throws {
        let start = try row.optionalDate("starts_at"), end = try row.optionalDate("ends_at")
        self.init(
            id: try row.value("id"), organizationID: try row.value("organization_id"),
            resourceID: try row.value("resource_id"), locationID: try row.value("location_id"),
            memberID: try row.value("member_id"),
            bookingID: try row.value("booking_id"), bookingLineID: try row.value("booking_line_id"),
            planned: start.flatMap { start in end.map { TimeWindow(start: start, end: $0) } },
            checkIn: try row.optionalDate("check_in"), checkOut: try row.optionalDate("check_out"),
            notes: try row.value("notes"),
            metadata: try JSONValue.object(parsing: try row.value("metadata", as: String.self)),
            method: try row.optionalEnum("method"), device: try row.value("device"),
            geo: try row.value("geo", as: String?.self).flatMap(GeoPoint.init(stored:)),
            attendance: try row.optionalEnum("attendance_type", as: AttendanceType.self).map { type in
                VisitAttendance(type: type, day: try LocalDate(stored: try row.value("attendance_day")),
                                workedMinutes: try row.value("worked_minutes"), lateMinutes: try row.value("late_minutes"),
                                earlyExitMinutes: try row.value("early_exit_minutes"),
                                autoCheckedOut: try row.value("auto_checked_out"),
                                overridden: try row.value("attendance_overridden"))
            },
            version: try row.value("version"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}

extension AuditEntry {
    init(row: PostgresRandomAccessRow) throws {
        self.init(
            id: try row.value("id"), organizationID: try row.value("organization_id"),
            entityType: try row.value("entity_type"), entityID: try row.value("entity_id"),
            action: try row.value("action"),
            actor: Actor(type: try row.value("actor_type"), id: try row.value("actor_id"),
                         name: try row.value("actor_name")),
            before: try row.value("before"), after: try row.value("after"), reason: try row.value("reason"),
            createdAt: try row.date("created_at"))
    }
}

extension Event {
    init(row: PostgresRandomAccessRow) throws {
        self.init(
            id: try row.value("id"), organizationID: try row.value("organization_id"),
            sequence: try row.value("sequence"), type: try row.enum("type"), entityType: try row.value("entity_type"),
            entityID: try row.value("entity_id"), data: try row.value("data"), createdAt: try row.date("created_at"))
    }
}
