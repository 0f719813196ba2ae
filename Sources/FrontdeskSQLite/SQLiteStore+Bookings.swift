import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore: BookingStore {
    public func createBooking(
        _ organizationID: UUID, _ request: BookingRequest, now: Date,
        decide: @escaping @Sendable (BookingContext) throws -> BookingChange
    ) async throws -> Booking {
        try await write { db in
            let version = try Self.catalogVersion(organizationID, db)
            let organization = try self.writerCatalog.organization(organizationID, at: version) {
                try Self.requireOrganization(organizationID, db)
            }
            let year = BookingNumber.year(of: now, in: organization.zone)
            let resources = try self.bookableResources(organization, at: version, ids: request.resourceIDs, now: now,
                                                       windows: request.lines, db)
            let memberName = try request.newMember?.name ?? Self.memberName(organizationID, request.memberID, db)
            // The next number is read before deciding and taken after: a refused booking writes
            // nothing (see `GroupCommit`), and the numbers stay gapless. Read, then written without
            // RETURNING, which costs SQLite more than both statements.
            let series: [(any DatabaseValueConvertible)?] = [organizationID.text, year]
            let sequence = try db.integer("SELECT last_sequence FROM booking_series WHERE organization_id = ? AND year = ?",
                                          series).map { $0 + 1 } ?? 1
            let change = try decide(BookingContext(organization: organization, resources: resources,
                                                   memberName: memberName, nextSequence: Int(sequence)))
            try Self.admit(change.arrivals, organizationID, db)  // a walk-in created active
            // A guest made with the booking is written once it is decided (see `GroupCommit`).
            if let guest = request.newMember { try db.insert(Member.table, guest.columns) }
            try db.run(sequence == 1
                ? "INSERT INTO booking_series (last_sequence, organization_id, year) VALUES (?, ?, ?)"
                : "UPDATE booking_series SET last_sequence = ? WHERE organization_id = ? AND year = ?", [sequence] + series)
            try db.insert("bookings", change.booking.columns)
            try Self.insertLines(of: change.booking, db)
            for checkin in change.checkins { try Self.save(checkin, db) }
            try Self.keepLongestLine(of: change.booking, db)
            try self.record(change, db)
            try self.follow(change, db)
            return change.booking
        }
    }

    public func booking(_ organizationID: UUID, _ reference: BookingReference) async throws -> Booking? {
        try await read { db in try Self.booking(organizationID, reference, db) }
    }

    public func bookings(_ organizationID: UUID, filter: BookingFilter, page: PageRequest) async throws -> Page<Booking> {
        let driving = Self.bookingsDriving(organizationID, filter)
        // Lines of a window hold their organization; those of a resource might be another's.
        var clauses = filter.window == nil ? ["b.organization_id = ?"] : []
        var arguments: [(any DatabaseValueConvertible)?] = filter.window == nil ? [organizationID.text] : []
        // No status asked for is every status. Undriven, the page is then read from
        // `bookings_by_status`, a range for each status in page order, merged (the organization's
        // bookings have no index of their own, migration 0018).
        if !filter.statuses.isEmpty || driving == nil {
            let statuses = filter.statuses.isEmpty ? BookingStatus.allCases : filter.statuses
            clauses.append("b.status IN \(placeholders(statuses.count))")
            arguments += statuses.map(\.rawValue)
        }
        if let memberID = filter.memberID {
            clauses.append("b.member_id = ?")
            arguments.append(memberID.text)
        }
        if !filter.locationIDs.isEmpty {
            clauses.append("b.location_id IN \(placeholders(filter.locationIDs.count))")
            arguments += filter.locationIDs.map(\.text)
        }
        if let startedBy = filter.startedWithoutCheckin {
            clauses.append("b.starts_at <= ? AND NOT EXISTS (SELECT 1 FROM checkins c WHERE c.booking_id = b.id)")
            arguments.append(startedBy.millis)
        }
        let query = Self.pageQuery("bookings", as: "b", selecting: Booking.selected(as: "b"), drivenBy: driving,
                                   where: clauses, arguments, page: page)
        let bookings = try await read { db in
            try Self.withLines(try db.rows(sql: query.sql, arguments: query.arguments) { try Booking(row: $0, lines: []) }, db)
        }
        return Page(fetched: bookings, limit: page.limit) { Cursor(createdAt: $0.createdAt, id: $0.id) }
    }

    /// The lines that find a page of bookings by time or by resource, each line carrying its
    /// booking's creation (migration 0035). A window's lines (of a resource, when one is asked for)
    /// come from `booking_lines_by_time`, its neighbourhood bounded as availability bounds it by
    /// the organization's longest line, and are sorted; a resource's alone are walked in page order
    /// from `booking_lines_by_resource_age` (a booking holds a resource once: each booking once).
    private static func bookingsDriving(_ organizationID: UUID, _ filter: BookingFilter) -> Driving? {
        if let window = filter.window {
            var sql = """
                SELECT DISTINCT l.booking_id AS id, l.booking_created_at AS created_at FROM booking_lines l
                WHERE l.organization_id = ? AND l.starts_at > ? - (SELECT longest_line_ms FROM organizations WHERE id = ?)
                  AND l.starts_at < ? AND l.ends_at > ?
                """
            var arguments: [(any DatabaseValueConvertible)?] = [organizationID.text, window.start.millis, organizationID.text,
                                                               window.end.millis, window.start.millis]
            if let resourceID = filter.resourceID {
                sql += " AND l.resource_id = ?"
                arguments.append(resourceID.text)
            }
            return Driving(sql: sql, arguments: arguments, order: .sortable)
        }
        guard let resourceID = filter.resourceID else { return nil }
        return Driving(sql: """
            SELECT l.booking_id AS id, l.booking_created_at AS created_at
            FROM booking_lines l INDEXED BY booking_lines_by_resource_age WHERE l.resource_id = ?
            """, arguments: [resourceID.text], order: .pageOrder)
    }

    public func changeBooking(
        _ organizationID: UUID, _ reference: BookingReference,
        decide: @escaping @Sendable (Booking, [Checkin]) throws -> BookingChange
    ) async throws -> Booking {
        try await write { db in
            let current = try Self.requireBooking(organizationID, reference, db)
            let change = try decide(current, try Self.checkins(ofBooking: current.id, db))
            try self.write(change, previous: current, db)
            return change.booking
        }
    }

    public func deleteBooking(
        _ organizationID: UUID, _ reference: BookingReference,
        decide: @escaping @Sendable (Booking) throws -> BookingChange
    ) async throws {
        try await write { db in
            let change = try decide(try Self.requireBooking(organizationID, reference, db))
            if let invoice = try Self.invoice(organizationID, "booking_id", change.booking.id, db, booking: change.booking) {
                try invoice.requireNoMoney()
            }
            try db.cachedExecute(sql: "DELETE FROM bookings WHERE organization_id = ? AND id = ?",
                                 arguments: [organizationID.text, change.booking.id.text])
            try self.record(change, db)
        }
    }

    public func holds(_ organizationID: UUID, window: TimeWindow, now: Date) async throws -> Holds {
        try await read { db in
            // A line overlapping the window started at most the organization's longest line before it:
            // that lower bound keeps the index scan to the window's neighbourhood. The lines checked in
            // that ended before the window and by `now` (overdue: the guests still in the house) are
            // read from the index of the lines checked in, not from the organization's past lines.
            let overdueBy = min(window.start, now).millis
            var lines: [UUID: [HeldLine]] = [:]
            for (resourceID, line) in try db.rows("""
                SELECT l.starts_at, l.ends_at, l.booking_number, l.state = 'occupied', l.resource_id FROM booking_lines l
                WHERE l.organization_id = ? AND l.state <> 'released' AND l.starts_at < ? AND l.ends_at > ?
                  AND l.starts_at > ? - (SELECT longest_line_ms FROM organizations WHERE id = ?)
                UNION ALL
                SELECT l.starts_at, l.ends_at, l.booking_number, 1, l.resource_id
                FROM booking_lines l INDEXED BY booking_lines_occupied
                WHERE l.organization_id = ? AND l.state = 'occupied' AND l.starts_at < ? AND l.ends_at <= ?
                """, [organizationID.text, window.end.millis, window.start.millis, window.start.millis,
                      organizationID.text, organizationID.text, overdueBy, overdueBy],
                { ($0.uuid(4), Self.heldLine($0)) }) {
                lines[resourceID, default: []].append(line)
            }
            return Holds(catalogVersion: try Self.catalogVersion(organizationID, db), lines: lines)
        }
    }

    /// Moved by triggers on resources and locations (migration 0006) and on the organization's
    /// settings (0008); 0 before any change.
    static func catalogVersion(_ organizationID: UUID, _ db: Database) throws -> Int64 {
        try db.integer("SELECT version FROM catalog_versions WHERE organization_id = ?", [organizationID.text]) ?? 0
    }

    // MARK: Inside a transaction

    /// Writes a change of a stored booking (`previous`, as read in this transaction): its row and
    /// lines (those it no longer has deleted, new ones inserted), the checkins it moves, its audit and
    /// events, once Core has admitted the visits it begins.
    func write(_ change: BookingChange, previous: Booking, _ db: Database) throws {
        try Self.admit(change.arrivals, previous.organizationID, db)
        let booking = change.booking
        try db.update("bookings", booking.columns, previous: previous.columns)
        let kept = Set(booking.lines.map(\.id))
        for gone in previous.lines where !kept.contains(gone.id) {
            try db.run("DELETE FROM booking_lines WHERE id = ?", [gone.id.text])
        }
        for (position, line) in booking.lines.enumerated() {
            let columns = line.columns(booking: booking, position: position)
            if let before = previous.lines.firstIndex(where: { $0.id == line.id }) {
                try db.update("booking_lines", columns, previous: previous.lines[before].columns(booking: previous, position: before))
            } else {
                try db.insert("booking_lines", columns)
            }
        }
        for checkin in change.checkins { try Self.save(checkin, db) }
        try record(change, db)
        try follow(change, db)
    }

    /// The next booking of a freed resource: the earliest awaiting arrival with a line on the
    /// resource that starts at or after the check-out.
    static func nextBooking(_ organizationID: UUID, _ freed: FreedResource, _ db: Database) throws -> Booking? {
        let statuses = BookingStatus.awaitingArrival.map(\.rawValue).sorted()
        let arguments: [any DatabaseValueConvertible] = [freed.resourceID.text, freed.after.millis, organizationID.text]
        let next = try db.cachedRow(sql: """
            SELECT \(Booking.selected(as: "b")) FROM booking_lines l JOIN bookings b ON b.id = l.booking_id
            WHERE l.resource_id = ? AND l.starts_at >= ? AND b.organization_id = ?
              AND b.status IN \(placeholders(statuses.count))
            ORDER BY l.starts_at, b.id LIMIT 1
            """, arguments: StatementArguments(arguments + statuses)) { try Booking(row: $0, lines: []) }
        return try next.map { try withLines([$0], db)[0] }
    }

    static func organization(_ id: UUID, _ db: Database) throws -> Organization? {
        try db.row(organizationSQL, [id.text], Organization.init(row:))
    }

    // The SQL of the reads every booking and availability answer makes, built once: statements
    // are cached by their text. A resource is read with its location's time zone and desk settings
    // after its columns.
    private static let organizationSQL = "SELECT \(Organization.selected(as: "organizations")) FROM organizations WHERE id = ?"
    static let locatedResourcesSQL = """
        SELECT \(Resource.selected(as: "r")), l.timezone AS zone, \(LocationSettings.selected(as: "l"))
        FROM resources r JOIN locations l ON l.id = r.location_id
        WHERE r.organization_id = ? AND r.deleted_at IS NULL
        """
    private static let bookableResourceSQL = locatedResourcesSQL + " AND r.id = ?"

    static func requireOrganization(_ id: UUID, _ db: Database) throws -> Organization {
        guard let organization = try organization(id, db) else {
            throw FrontdeskError.notFound(entity: "organization", id: id.text)
        }
        return organization
    }

    /// A line holding a resource, from `starts_at, ends_at, booking_number, state = 'occupied'` in that order.
    static func heldLine(_ row: some ColumnReader) -> HeldLine {
        HeldLine(bookingNumber: row.text(2), window: TimeWindow(start: row.date(0), end: row.date(1)),
                 checkedIn: row.int64(3) != 0)
    }

    /// The requested resources (as of catalog `version`) with the lines holding them around the
    /// requested windows, and those checked in that ended before them by `now` (overdue ones hold on).
    func bookableResources(
        _ organization: Organization, at version: Int64, ids: [UUID], now: Date, windows: [BookingRequest.Line],
        _ db: Database
    ) throws -> [UUID: BookableResource] {
        var result: [UUID: BookableResource] = [:]
        for id in ids.sorted(by: { $0.text < $1.text }) {
            guard let (resource, zone) = try writerCatalog.resource(id, of: organization.id, at: version, load: {
                try db.row(Self.bookableResourceSQL, [organization.id.text, id.text]) {
                    (try Resource(reading: $0), Location.zone($0.optionalText(Resource.zoneColumn), else: organization.zone))
                }
            }) else { continue }
            let lines = windows.filter { $0.resourceID == id }
            let span = TimeWindow(start: lines.map(\.window.start).min()!, end: lines.map(\.window.end).max()!)
            result[id] = BookableResource(resource: resource, timeZone: zone,
                                          held: try Self.heldLines(id, around: span, now: now, organization.id, db))
        }
        return result
    }

    /// The lines holding a resource around `window`, and those checked in that ended before it by
    /// `now` (overdue ones hold on). As in availability, the organization's longest line bounds how
    /// early an overlapping line can start, so the index scan stays near the window instead of the
    /// resource's past; the overdue ones come from the index of the lines checked in.
    static func heldLines(
        _ resourceID: UUID, around window: TimeWindow, now: Date, _ organizationID: UUID, _ db: Database
    ) throws -> [HeldLine] {
        let overdueBy = min(window.start, now).millis
        return try db.rows("""
            SELECT l.starts_at, l.ends_at, l.booking_number, l.state = 'occupied' FROM booking_lines l
            WHERE l.resource_id = ? AND l.state <> 'released' AND l.starts_at < ? AND l.ends_at > ?
              AND l.starts_at > ? - (SELECT longest_line_ms FROM organizations WHERE id = ?)
            UNION ALL
            SELECT l.starts_at, l.ends_at, l.booking_number, 1 FROM booking_lines l INDEXED BY booking_lines_occupied
            WHERE l.organization_id = ? AND l.resource_id = ? AND l.state = 'occupied' AND l.starts_at < ? AND l.ends_at <= ?
            """, [resourceID.text, window.end.millis, window.start.millis, window.start.millis, organizationID.text,
                  organizationID.text, resourceID.text, overdueBy, overdueBy], heldLine)
    }

    static func booking(_ organizationID: UUID, _ reference: BookingReference, _ db: Database) throws -> Booking? {
        let column: String, value: String
        switch reference {
        case .id(let id): (column, value) = ("id", id.text)
        case .number(let number): (column, value) = ("number", number)
        }
        let booking = try db.row("SELECT \(Booking.selected(as: "b")) FROM bookings b WHERE b.organization_id = ? AND b.\(column) = ?",
                                 [organizationID.text, value]) { try Booking(row: $0, lines: []) }
        return try booking.map { try withLines([$0], db)[0] }
    }

    static func requireBooking(_ organizationID: UUID, _ reference: BookingReference, _ db: Database) throws -> Booking {
        guard let booking = try booking(organizationID, reference, db) else {
            throw FrontdeskError.notFound(entity: "booking", id: reference.description)
        }
        return booking
    }

    /// Attaches their lines, named by their resources, and their members' names to bookings read
    /// without them, with one query (the ids go in as one JSON array, so the statement is the same
    /// for any number of bookings).
    static func withLines(_ bookings: [Booking], _ db: Database) throws -> [Booking] {
        guard !bookings.isEmpty else { return [] }
        var lines: [UUID: [BookingLine]] = [:]
        var names: [UUID: String] = [:]
        for (bookingID, line, memberName) in try db.rows("""
            SELECT \(BookingLine.selected(as: "l")), r.name, r.category, l.booking_id, m.name
            FROM booking_lines l JOIN resources r ON r.id = l.resource_id
            JOIN bookings b ON b.id = l.booking_id JOIN members m ON m.id = b.member_id
            WHERE l.booking_id IN (SELECT value FROM json_each(?))
            ORDER BY l.booking_id, l.position
            """, [jsonArray(bookings.map(\.id))], { ($0.uuid(12), try BookingLine(row: $0), $0.text(13)) }) {
            lines[bookingID, default: []].append(line)
            names[bookingID] = memberName
        }
        return bookings.map { booking in
            var booking = booking
            booking.lines = lines[booking.id] ?? []
            booking.memberName = names[booking.id]
            return booking
        }
    }

    /// A live member's name; nil for none.
    static func memberName(_ organizationID: UUID, _ memberID: UUID, _ db: Database) throws -> String? {
        try db.row("SELECT name FROM members WHERE organization_id = ? AND id = ? AND deleted_at IS NULL",
                   [organizationID.text, memberID.text]) { $0.text(0) }
    }

    /// Lengthens the organization's longest line to the booking's longest, which bounds how early a
    /// line overlapping a window can start (`heldLines`).
    static func keepLongestLine(of booking: Booking, _ db: Database) throws {
        let longest = booking.lines.map { $0.window.end.millis - $0.window.start.millis }.max() ?? 0
        try db.run("UPDATE organizations SET longest_line_ms = ? WHERE id = ? AND longest_line_ms < ?",
                   [longest, booking.organizationID.text, longest])
    }

    static func insertLines(of booking: Booking, _ db: Database) throws {
        for (position, line) in booking.lines.enumerated() {
            try db.insert("booking_lines", line.columns(booking: booking, position: position))
        }
    }
}
