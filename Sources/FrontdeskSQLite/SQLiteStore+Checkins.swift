import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore: CheckinStore {
    public func createCheckin(
        _ organizationID: UUID, _ request: CheckinRequest,
        decide: @escaping @Sendable (CheckinContext) throws -> CheckinChange
    ) async throws -> Checkin {
        try await write { db in
            let resource = try Self.fetch(Resource.self, organizationID, request.resourceID, db)
            let memberExists = try request.memberID.map { try Self.exists(Member.self, organizationID, $0, db) } ?? false
            let booking = try request.bookingID.flatMap { try Self.booking(organizationID, .id($0), db) }
            let change = try decide(CheckinContext(resource: resource, memberExists: memberExists, booking: booking))
            try Self.admit(change.arrival.map { [$0] } ?? [], organizationID, db)
            try Self.save(change, db)
            try self.record(change, db)
            return change.checkin
        }
    }

    public func checkin(_ organizationID: UUID, _ id: UUID) async throws -> Checkin? {
        try await read { db in try Self.checkin(organizationID, id, db) }
    }

    public func checkins(_ organizationID: UUID, filter: CheckinFilter, page: PageRequest) async throws -> Page<Checkin> {
        // The visits of a window hold their organization (`checkins_by_visit`).
        var clauses = filter.window == nil ? ["c.organization_id = ?"] : []
        var arguments: [(any DatabaseValueConvertible)?] = filter.window == nil ? [organizationID.text] : []
        // No state asked for is every state. Undriven, the page is then read from `checkins_by_state`,
        // a range for each state in page order, merged (migration 0020).
        if !filter.states.isEmpty || filter.window == nil {
            let states = filter.states.isEmpty ? CheckinState.allCases : filter.states
            clauses.append("c.state IN \(placeholders(states.count))")
            arguments += states.map(\.rawValue)
        }
        for (column, id) in [("resource_id", filter.resourceID), ("member_id", filter.memberID),
                             ("booking_id", filter.bookingID)] {
            guard let id else { continue }
            clauses.append("c.\(column) = ?")
            arguments.append(id.text)
        }
        if !filter.locationIDs.isEmpty {
            clauses.append("c.location_id IN \(placeholders(filter.locationIDs.count))")
            arguments += filter.locationIDs.map(\.text)
        }
        // From `checkins_by_visit` (migrations 0013, 0035): the visits that ended in the window or up
        // to the organization's longest visit after it (none that began before the window's end ends
        // later), and the open ones that began before its end (closed and open ones apart: each id
        // once), with their creation: sorted from the index before any visit is read.
        let window = filter.window.map { window in
            let end = SQLiteMigrations.visitEnd(of: "x"), start = SQLiteMigrations.visitStart(of: "x")
            return Driving(sql: """
                SELECT x.id, x.created_at FROM checkins x WHERE x.organization_id = ? AND \(end) > ?
                  AND \(end) < ? + (SELECT longest_visit_ms FROM organizations WHERE id = ?) AND \(start) < ?
                UNION ALL
                SELECT x.id, x.created_at FROM checkins x
                WHERE x.organization_id = ? AND \(end) = \(SQLiteMigrations.openEnd) AND \(start) < ?
                """, arguments: [organizationID.text, window.start.millis, window.end.millis, organizationID.text,
                                  window.end.millis, organizationID.text, window.end.millis], order: .sortable)
        }
        let query = Self.pageQuery("checkins", as: "c", selecting: Checkin.selected(as: "c"), drivenBy: window,
                                   where: clauses, arguments, page: page)
        let checkins = try await read { db in
            try db.rows(sql: query.sql, arguments: query.arguments, Checkin.init(row:))
        }
        return Page(fetched: checkins, limit: page.limit) { Cursor(createdAt: $0.createdAt, id: $0.id) }
    }

    public func changeCheckin(
        _ organizationID: UUID, _ id: UUID,
        decide: @escaping @Sendable (Checkin, LinkedBooking?, AttendanceContext?) throws -> CheckinWrite
    ) async throws -> Checkin {
        try await write { db in
            let current = try Self.requireCheckin(organizationID, id, db)
            let linked = try current.bookingID.map { bookingID in
                LinkedBooking(booking: try Self.requireBooking(organizationID, .id(bookingID), db),
                              checkins: try Self.checkins(ofBooking: bookingID, db))
            }
            let change = try decide(current, linked, try Self.attendanceContext(of: current, db))
            try self.write(change, linked: linked, db)
            return change.checkin.checkin
        }
    }

    public func deleteCheckin(
        _ organizationID: UUID, _ id: UUID, decide: @escaping @Sendable (Checkin) throws -> CheckinChange
    ) async throws {
        try await write { db in
            let current = try Self.requireCheckin(organizationID, id, db)
            let change = try decide(current)
            try db.cachedExecute(sql: "DELETE FROM checkins WHERE organization_id = ? AND id = ?",
                                 arguments: [organizationID.text, id.text])
            try Self.tally(from: current, to: nil, db)
            try self.record(change, db)
        }
    }

    // MARK: Inside a transaction

    /// Writes a checkin's step: its booking's change when it moves the booking (`linked`, as read
    /// in this transaction), else the checkin's own, once Core has admitted the visit it begins.
    func write(_ change: CheckinWrite, linked: LinkedBooking?, _ db: Database) throws {
        if let booking = change.booking, let linked {
            try write(booking, previous: linked.booking, db)
        } else {
            try Self.admit(change.arrivals, change.checkin.organizationID, db)
            try Self.save(change.checkin, db)
            try record(change.checkin, db)
        }
    }

    static func checkin(_ organizationID: UUID, _ id: UUID, _ db: Database) throws -> Checkin? {
        try db.row("SELECT \(Checkin.selected(as: "c")) FROM checkins c WHERE c.organization_id = ? AND c.id = ?",
                   [organizationID.text, id.text], Checkin.init(row:))
    }

    static func requireCheckin(_ organizationID: UUID, _ id: UUID, _ db: Database) throws -> Checkin {
        guard let checkin = try checkin(organizationID, id, db) else {
            throw FrontdeskError.notFound(entity: "checkin", id: id.text)
        }
        return checkin
    }

    /// The checkins linked to a booking, oldest first.
    static func checkins(ofBooking bookingID: UUID, _ db: Database) throws -> [Checkin] {
        try db.rows("SELECT \(Checkin.selected(as: "c")) FROM checkins c WHERE c.booking_id = ? ORDER BY c.created_at, c.id",
                    [bookingID.text], Checkin.init(row:))
    }

    /// Inserts a new checkin or updates a changed one, and moves its member's days (its audit and
    /// events are `record`'s).
    static func save(_ change: CheckinChange, _ db: Database) throws {
        if let previous = change.previous {
            try db.update("checkins", change.checkin.columns, previous: previous.columns)
        } else {
            try db.insert("checkins", change.checkin.columns)
        }
        try tally(from: change.previous, to: change.checkin, db)
        // The organization's longest visit bounds how long before a window a visit ending in it began.
        if let span = change.checkin.span, span != change.previous?.span {
            let longest = Int64(span * 1000)
            try db.run("UPDATE organizations SET longest_visit_ms = ? WHERE id = ? AND longest_visit_ms < ?",
                       [longest, change.checkin.organizationID.text, longest])
        }
    }
}
