import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB
import Synchronization

/// Rows ↔ domain values.
extension Organization: PositionalRow {
    /// The columns `init(row:)` reads, in order: by position, as every write reads its organization.
    static let columnNames = ["id", "name", "timezone", "currency", "check_in_time", "check_out_time",
                              "booking_number_prefix", "no_show_grace_minutes", "pending_hold_minutes",
                              "created_at", "updated_at", "auto_no_show", "billing"]

    init(row: some ColumnReader) throws {
        self.init(id: row.uuid(0), name: row.text(1), timeZone: row.text(2), currency: row.text(3),
                  checkInTime: row.text(4), checkOutTime: row.text(5), bookingNumberPrefix: row.text(6),
                  noShowGraceMinutes: row.int(7), pendingHoldMinutes: row.int(8), autoNoShow: row.int(11) != 0,
                  billing: try BillingSettings(stored: row.text(12)), createdAt: row.date(9), updatedAt: row.date(10))
    }

    var columns: Columns {
        ["id": id.text, "name": name, "timezone": timeZone, "currency": currency, "check_in_time": checkInTime,
         "check_out_time": checkOutTime, "booking_number_prefix": bookingNumberPrefix,
         "no_show_grace_minutes": noShowGraceMinutes, "pending_hold_minutes": pendingHoldMinutes,
         "auto_no_show": autoNoShow, "billing": billing.stored,
         "created_at": createdAt.millis, "updated_at": updatedAt.millis]
    }
}

extension APIKey {
    init(row: Row) throws {
        self.init(id: row.uuid("id"), organizationID: row.uuid("organization_id"), name: row["name"],
                  role: try row.enumeration("role"), prefix: row["prefix"], hash: row["hash"],
                  isPlatform: row["is_platform"], createdAt: row.date("created_at"))
    }
}

extension Location {
    init(row: Row) {
        self.init(id: row.uuid("id"), organizationID: row.uuid("organization_id"), name: row["name"],
                  timeZone: row["timezone"],
                  settings: LocationSettings(checkInTime: row["check_in_time"], checkOutTime: row["check_out_time"],
                                             noShowGraceMinutes: row["no_show_grace_minutes"],
                                             pendingHoldMinutes: row["pending_hold_minutes"], autoNoShow: row["auto_no_show"]),
                  onePlaceAtATime: row["one_place_at_a_time"], createdAt: row.date("created_at"),
                  updatedAt: row.date("updated_at"))
    }

    var columns: Columns {
        ["id": id.text, "organization_id": organizationID.text, "name": name, "timezone": timeZone,
         "one_place_at_a_time": onePlaceAtATime,
         "check_in_time": settings.checkInTime, "check_out_time": settings.checkOutTime,
         "no_show_grace_minutes": settings.noShowGraceMinutes, "pending_hold_minutes": settings.pendingHoldMinutes,
         "auto_no_show": settings.autoNoShow, "created_at": createdAt.millis, "updated_at": updatedAt.millis]
    }
}

extension LocationSettings: PositionalRow {
    /// A location's override columns, in the order `init(row:at:)` reads them.
    static let columnNames = ["check_in_time", "check_out_time", "no_show_grace_minutes", "pending_hold_minutes",
                              "auto_no_show"]

    /// Reads the override columns from position `index` on, in `columnNames`' order.
    init(row: some ColumnReader, at index: Int32) {
        self.init(checkInTime: row.optionalText(index), checkOutTime: row.optionalText(index + 1),
                  noShowGraceMinutes: row.optionalInt64(index + 2).map(Int.init),
                  pendingHoldMinutes: row.optionalInt64(index + 3).map(Int.init),
                  autoNoShow: row.optionalInt64(index + 4).map { $0 != 0 })
    }
}

extension Resource: PositionalRow {
    /// The columns `init(row:)` reads, in order. It reads them by position: an availability answer
    /// reads a thousand resources, and finding thirteen columns by name in each cost more than
    /// reading them.
    static let columnNames = ["id", "organization_id", "location_id", "name", "kind", "category", "capacity",
                              "rate_amount", "rate_unit", "status", "housekeeping", "created_at", "updated_at",
                              "rate_tiers"]

    /// Where a SELECT of `selected(as:)` followed by its location's time zone has the zone.
    static let zoneColumn = Int32(columnNames.count)

    init(row: Row) throws {
        try self.init(reading: row)
    }

    init(reading row: some ColumnReader) throws {
        self.init(id: row.uuid(0), organizationID: row.uuid(1), locationID: row.uuid(2), name: row.text(3),
                  kind: row.text(4), category: row.optionalText(5), capacity: row.int(6), rateAmount: row.int(7),
                  rateUnit: try row.enumeration(8, "rate_unit"), status: try row.enumeration(9, "status"),
                  housekeeping: try row.enumeration(10, "housekeeping"), createdAt: row.date(11),
                  updatedAt: row.date(12))
        rateTiers = try RateTier.tiers(stored: row.optionalText(13))
    }

    var columns: Columns {
        ["id": id.text, "organization_id": organizationID.text, "location_id": locationID.text, "name": name,
         "kind": kind, "category": category, "capacity": capacity, "rate_amount": rateAmount,
         "rate_unit": rateUnit.rawValue, "status": status.rawValue, "housekeeping": housekeeping.rawValue,
         "created_at": createdAt.millis,
         "updated_at": updatedAt.millis, "rate_tiers": RateTier.stored(rateTiers)]
    }
}

extension Member: PositionalRow {
    /// The columns `init(reading:at:)` reads, in order: by position, as a scan reads its member
    /// beside its code.
    static let columnNames = ["id", "organization_id", "type", "name", "email", "phone", "external_ref", "notes",
                              "status", "attendance_enabled", "schedule", "created_at", "updated_at"]

    init(row: Row) throws {
        try self.init(reading: row)
    }

    /// Reads `columnNames` from position `index` on.
    init(reading row: some ColumnReader, at index: Int32 = 0) throws {
        self.init(id: row.uuid(index), organizationID: row.uuid(index + 1), type: row.text(index + 2),
                  name: row.text(index + 3), email: row.optionalText(index + 4), phone: row.optionalText(index + 5),
                  externalRef: row.optionalText(index + 6), notes: row.optionalText(index + 7),
                  status: try row.enumeration(index + 8, "status"), attendanceEnabled: row.int64(index + 9) != 0,
                  schedule: try row.optionalText(index + 10).map(Schedule.init(stored:)),
                  createdAt: row.date(index + 11), updatedAt: row.date(index + 12))
    }

    var columns: Columns {
        ["id": id.text, "organization_id": organizationID.text, "type": type, "name": name, "email": email,
         "phone": phone, "external_ref": externalRef, "notes": notes, "status": status.rawValue,
         "attendance_enabled": attendanceEnabled, "schedule": schedule?.stored, "created_at": createdAt.millis,
         "updated_at": updatedAt.millis]
    }
}

extension MemberCode: PositionalRow {
    /// The columns `init(reading:)` reads, in order.
    static let columnNames = ["id", "organization_id", "member_id", "value", "kind", "expires_at", "created_at"]

    init(reading row: some ColumnReader) throws {
        self.init(id: row.uuid(0), organizationID: row.uuid(1), memberID: row.uuid(2), value: row.text(3),
                  kind: try row.enumeration(4, "kind"), expiresAt: row.optionalDate(5), createdAt: row.date(6))
    }

    var columns: Columns {
        ["id": id.text, "organization_id": organizationID.text, "member_id": memberID.text, "value": value,
         "kind": kind.rawValue, "expires_at": expiresAt?.millis, "created_at": createdAt.millis]
    }
}

extension Booking: PositionalRow {
    /// The columns `init(row:lines:)` reads, in order: by position, as a booking's buttons read it.
    static let columnNames = ["id", "organization_id", "number", "status", "member_id", "location_id", "source", "notes",
                              "cancellation_reason", "actual_start_at", "actual_end_at", "ready_at", "currency",
                              "version", "created_at", "updated_at"]

    init(row: some ColumnReader, lines: [BookingLine]) throws {
        self.init(id: row.uuid(0), organizationID: row.uuid(1), number: row.text(2),
                  status: try row.enumeration(3, "status"), memberID: row.uuid(4), locationID: row.uuid(5),
                  lines: lines, source: try row.enumeration(6, "source"), notes: row.optionalText(7),
                  cancellationReason: row.optionalText(8), actualStartAt: row.optionalDate(9),
                  actualEndAt: row.optionalDate(10), readyAt: row.optionalDate(11), currency: row.text(12),
                  version: row.int(13), createdAt: row.date(14), updatedAt: row.date(15))
    }

    var columns: Columns {
        ["id": id.text, "organization_id": organizationID.text, "number": number, "status": status.rawValue,
         "member_id": memberID.text, "location_id": locationID.text, "source": source.rawValue, "notes": notes,
         "cancellation_reason": cancellationReason, "starts_at": window.start.millis, "ends_at": window.end.millis,
         "actual_start_at": actualStartAt?.millis, "actual_end_at": actualEndAt?.millis, "ready_at": readyAt?.millis,
         "currency": currency, "version": version, "created_at": createdAt.millis, "updated_at": updatedAt.millis]
    }
}

extension BookingLine: PositionalRow {
    /// The columns `init(row:)` reads, in order, followed in its SELECT by its resource's name and
    /// category.
    static let columnNames = ["id", "resource_id", "starts_at", "ends_at", "state", "checked_in_at", "checked_out_at",
                              "amount", "check_in_date", "check_out_date"]

    init(row: some ColumnReader) throws {
        self.init(id: row.uuid(0), resourceID: row.uuid(1), window: TimeWindow(start: row.date(2), end: row.date(3)),
                  state: try row.enumeration(4, "state"), checkedInAt: row.optionalDate(5),
                  checkedOutAt: row.optionalDate(6), amount: row.int(7))
        (resourceName, resourceCategory) = (row.optionalText(10), row.optionalText(11))
        dates = try StayDates(stored: row.optionalText(8), row.optionalText(9))
    }

    func columns(booking: Booking, position: Int) -> Columns {
        ["id": id.text, "booking_id": booking.id.text, "booking_number": booking.number,
         "organization_id": booking.organizationID.text,
         "resource_id": resourceID.text, "position": position, "starts_at": window.start.millis,
         "ends_at": window.end.millis, "state": state.rawValue, "checked_in_at": checkedInAt?.millis,
         "checked_out_at": checkedOutAt?.millis, "amount": amount,
         "check_in_date": dates?.checkIn.description, "check_out_date": dates?.checkOut.description,
         "booking_created_at": booking.createdAt.millis]
    }
}

extension Checkin: PositionalRow {
    /// The columns `init(row:)` reads, in order: by position, as a check-in or check-out reads one.
    static let columnNames = ["id", "organization_id", "resource_id", "member_id", "booking_id", "booking_line_id",
                              "starts_at", "ends_at", "check_in", "check_out", "notes", "metadata", "version",
                              "created_at", "updated_at", "location_id", "method", "device", "geo",
                              "attendance_type", "attendance_day", "worked_minutes", "late_minutes",
                              "early_exit_minutes", "auto_checked_out", "attendance_overridden"]

    init(row: some ColumnReader) throws {
        let planned = row.optionalDate(6).map { start in TimeWindow(start: start, end: row.date(7)) }
        self.init(id: row.uuid(0), organizationID: row.uuid(1), resourceID: row.uuid(2), locationID: row.uuid(15),
                  memberID: row.optionalUUID(3),
                  bookingID: row.optionalUUID(4), bookingLineID: row.optionalUUID(5), planned: planned,
                  checkIn: row.optionalDate(8), checkOut: row.optionalDate(9), notes: row.optionalText(10),
                  metadata: try Self.metadata(row.text(11)),
                  method: try row.optionalText(16).map { try CheckinMethod(stored: $0, column: "method") },
                  device: row.optionalText(17), geo: row.optionalText(18).flatMap(GeoPoint.init(stored:)),
                  attendance: try row.optionalText(19).map { type in
                      VisitAttendance(type: try AttendanceType(stored: type, column: "attendance_type"),
                                      day: try LocalDate(stored: row.text(20)), workedMinutes: row.int(21),
                                      lateMinutes: row.int(22), earlyExitMinutes: row.int(23), autoCheckedOut: row.int(24) != 0,
                                      overridden: row.int(25) != 0)
                  },
                  version: row.int(12), createdAt: row.date(13), updatedAt: row.date(14))
    }

    /// Most checkins carry no metadata: their `{}` is not worth a decoder.
    private static func metadata(_ text: String) throws -> [String: JSONValue] {
        text == "{}" ? [:] : try JSONValue.object(parsing: text)
    }

    var columns: Columns {
        ["id": id.text, "organization_id": organizationID.text, "resource_id": resourceID.text,
         "location_id": locationID.text, "member_id": memberID?.text, "booking_id": bookingID?.text,
         "booking_line_id": bookingLineID?.text,
         "starts_at": planned?.start.millis, "ends_at": planned?.end.millis, "check_in": checkIn?.millis,
         "check_out": checkOut?.millis, "state": state.rawValue, "notes": notes,
         "metadata": String(decoding: JSONValue.object(metadata).json, as: UTF8.self), "method": method?.rawValue,
         "device": device, "geo": geo?.stored, "attendance_type": attendance?.type.rawValue,
         "attendance_day": attendance?.day.description, "worked_minutes": attendance?.workedMinutes,
         "late_minutes": attendance?.lateMinutes, "early_exit_minutes": attendance?.earlyExitMinutes,
         "auto_checked_out": attendance?.autoCheckedOut ?? false,
         "attendance_overridden": attendance?.overridden ?? false, "version": version, "created_at": createdAt.millis,
         "updated_at": updatedAt.millis]
    }
}

extension AuditEntry {
    init(row: Row) {
        self.init(id: row.uuid("id"), organizationID: row.uuid("organization_id"), entityType: row["entity_type"],
                  entityID: row.uuid("entity_id"), action: row["action"],
                  actor: Actor(type: row["actor_type"], id: row["actor_id"], name: row["actor_name"]),
                  before: row["before"], after: row["after"], reason: row["reason"], createdAt: row.date("created_at"))
    }
}

extension Event {
    init(row: Row) throws {
        self.init(id: row.uuid("id"), organizationID: row.uuid("organization_id"), sequence: row["sequence"],
                  type: try row.enumeration("type"), entityType: row["entity_type"],
                  entityID: row.uuid("entity_id"), data: row["data"], createdAt: row.date("created_at"))
    }
}

/// A row to write: its columns by name, in a fixed order, bound by position.
typealias Columns = KeyValuePairs<String, (any DatabaseValueConvertible)?>

extension Database {
    func insert(_ table: String, _ columns: Columns) throws {
        let known = WriteSQL.of(table)
        var matches = known?.columns.count == columns.count
        var values: [(any DatabaseValueConvertible)?] = []
        values.reserveCapacity(columns.count)
        for (index, column) in columns.enumerated() {
            matches = matches && known!.columns[index] == column.key
            values.append(column.value)
        }
        let sql = (matches ? known! : WriteSQL.new(table, columns)).text(.insert) {
            "INSERT INTO \(table) (\(columns.map(\.key).joined(separator: ", "))) VALUES \(placeholders(columns.count))"
        }
        try run(sql, values)
    }

    /// Updates the row with the columns' `id` (and `organization_id`, when `scoped`). Given the
    /// row's `previous` columns, it sets only those whose value changed, and nothing when none did:
    /// SQLite rewrites the index entries of every column an UPDATE sets, changed or not.
    func update(_ table: String, _ columns: Columns, previous: Columns? = nil, scoped: Bool = true) throws {
        precondition(columns.count <= 64, "the columns set are kept as the bits of a UInt64")
        let known = WriteSQL.of(table)
        var matches = known?.columns.count == columns.count
        var set: UInt64 = 0
        var values: [(any DatabaseValueConvertible)?] = []
        var id: (any DatabaseValueConvertible)?, organizationID: (any DatabaseValueConvertible)?
        for (index, column) in columns.enumerated() {
            matches = matches && known!.columns[index] == column.key
            switch column.key {
            case "id": id = column.value
            case "organization_id" where scoped: organizationID = column.value
            case "created_at": break
            default:
                if let previous, previous[index].value?.databaseValue == column.value?.databaseValue { continue }
                set |= 1 << index
                values.append(column.value)
            }
        }
        guard set != 0 else { return }
        let sql = (matches ? known! : WriteSQL.new(table, columns)).text(.update(set: set, scoped: scoped)) {
            let assignments = columns.enumerated().filter { set & (1 << $0.offset) != 0 }.map { "\($0.element.key) = ?" }
            return "UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE id = ?" + (scoped ? " AND organization_id = ?" : "")
        }
        try run(sql, values + (scoped ? [id, organizationID] : [id]))
    }
}

/// The INSERT and UPDATE statements of a table written with `columns`, each built once instead
/// of for every row. A row's columns are checked against the table's in the pass that reads
/// their values (checked apart, with their values copied again, that was a twelfth of the
/// writer's time on a booking); a table written with other columns gets statements of its own.
private final class WriteSQL: Sendable {
    enum Statement: Hashable {
        case insert
        /// The columns set, a bit for each by position.
        case update(set: UInt64, scoped: Bool)
    }

    let columns: [String]
    private let texts = Mutex<[Statement: String]>([:])

    private init(columns: [String]) {
        self.columns = columns
    }

    private static let tables = Mutex<[String: WriteSQL]>([:])

    /// The statements of `table` as last written.
    static func of(_ table: String) -> WriteSQL? {
        tables.withLock { $0[table] }
    }

    /// The statements of `table` written with `columns`, from now on.
    static func new(_ table: String, _ columns: Columns) -> WriteSQL {
        let statements = WriteSQL(columns: columns.map(\.key))
        tables.withLock { $0[table] = statements }
        return statements
    }

    func text(_ statement: Statement, build: () -> String) -> String {
        if let sql = texts.withLock({ $0[statement] }) { return sql }
        let sql = build()
        texts.withLock { $0[statement] = sql }
        return sql
    }
}
