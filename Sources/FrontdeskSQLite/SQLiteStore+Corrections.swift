import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore: CorrectionStore {
    public func submitCorrection(
        _ organizationID: UUID, _ request: CorrectionRequest,
        decide: @escaping @Sendable (CorrectionFacts) throws -> CorrectionChange
    ) async throws -> Correction {
        try await write { db in
            let change = try decide(try Self.correctionFacts(
                organizationID, visit: request.checkinID, member: request.memberID, resource: request.resourceID, db))
            try db.insert("attendance_corrections", change.correction.columns)
            try self.record(change, db)
            return change.correction
        }
    }

    public func reviewCorrection(
        _ organizationID: UUID, _ id: UUID, decide: @escaping @Sendable (Correction) throws -> CorrectionChange
    ) async throws -> Correction {
        try await write { db in
            let change = try decide(try Self.requireCorrection(organizationID, id, db))
            try self.save(change, db)
            return change.correction
        }
    }

    public func applyCorrection(
        _ organizationID: UUID, _ id: UUID, decide: @escaping @Sendable (CorrectionTarget) throws -> AppliedCorrection
    ) async throws -> Correction {
        try await write { db in
            let correction = try Self.requireCorrection(organizationID, id, db)
            let adding = correction.type == .addMissingAttendance
            let visit = try adding ? nil : correction.checkinID.flatMap { try Self.checkin(organizationID, $0, db) }
            let facts = try Self.correctionFacts(organizationID, visit: nil, member: adding ? correction.memberID : nil,
                                                 resource: adding ? correction.resourceID : nil, db)
            let attendance: AttendanceContext? = if adding {
                try facts.resource.flatMap { resource in
                    try correction.memberID.flatMap { try Self.attendanceContext($0, at: resource.locationID, db) }
                }
            } else {
                try visit.flatMap { try Self.attendanceContext(of: $0, db) }
            }
            let applied = try decide(CorrectionTarget(correction: correction, visit: visit, attendance: attendance, facts: facts))
            if applied.deletesVisit {
                try db.run("DELETE FROM checkins WHERE organization_id = ? AND id = ?",
                           [organizationID.text, applied.visit.checkin.checkin.id.text])
                try Self.tally(from: visit, to: nil, db)
                try self.record(applied.visit.checkin, db)
            } else {
                try self.write(applied.visit, linked: nil, db)
            }
            try self.save(applied.correction, db)
            return applied.correction.correction
        }
    }

    public func correction(_ organizationID: UUID, _ id: UUID) async throws -> Correction? {
        try await read { db in try Self.correction(organizationID, id, db) }
    }

    public func corrections(
        _ organizationID: UUID, filter: CorrectionFilter, page: PageRequest
    ) async throws -> Page<Correction> {
        var clauses = ["c.organization_id = ?"]
        var arguments: [(any DatabaseValueConvertible)?] = [organizationID.text]
        for (column, values) in [("status", filter.statuses.map(\.rawValue)), ("type", filter.types.map(\.rawValue)),
                                 ("priority", filter.priorities.map(\.rawValue))] where !values.isEmpty {
            clauses.append("c.\(column) IN \(placeholders(values.count))")
            arguments += values
        }
        for (column, id) in [("member_id", filter.memberID), ("checkin_id", filter.checkinID)] {
            guard let id else { continue }
            clauses.append("c.\(column) = ?")
            arguments.append(id.text)
        }
        let query = Self.pageQuery("attendance_corrections", as: "c", where: clauses, arguments, page: page)
        let corrections = try await read { db in
            try db.rows(sql: query.sql, arguments: query.arguments, Correction.init(row:))
        }
        return Page(fetched: corrections, limit: page.limit) { Cursor(createdAt: $0.createdAt, id: $0.id) }
    }

    // MARK: Inside a transaction

    /// The visit named, if the organization's; whether the member named is live; the live resource named.
    private static func correctionFacts(
        _ organizationID: UUID, visit: UUID?, member: UUID?, resource: UUID?, _ db: Database
    ) throws -> CorrectionFacts {
        CorrectionFacts(
            visit: try visit.flatMap { try checkin(organizationID, $0, db) },
            memberExists: try member.map { try exists(Member.self, organizationID, $0, db) } ?? false,
            resource: try resource.flatMap { try fetch(Resource.self, organizationID, $0, db) })
    }

    private static func correction(_ organizationID: UUID, _ id: UUID, _ db: Database) throws -> Correction? {
        try db.cachedRow(sql: "SELECT * FROM attendance_corrections WHERE organization_id = ? AND id = ?",
                         arguments: [organizationID.text, id.text], Correction.init(row:))
    }

    private static func requireCorrection(_ organizationID: UUID, _ id: UUID, _ db: Database) throws -> Correction {
        guard let correction = try correction(organizationID, id, db) else {
            throw FrontdeskError.notFound(entity: "correction", id: id.text)
        }
        return correction
    }

    private func save(_ change: CorrectionChange, _ db: Database) throws {
        try db.update("attendance_corrections", change.correction.columns, previous: change.previous?.columns)
        try record(change, db)
    }
}
