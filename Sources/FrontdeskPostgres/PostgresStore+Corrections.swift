import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

/// A correction's writes lock its row, then (applying) its visit's: a visit's own steps lock only
/// the visit (or the organization first, for a booking's, which a correction refuses), so the two
/// never wait for each other in opposite orders.
extension PostgresStore: CorrectionStore {
    public func submitCorrection(
        _ organizationID: UUID, _ request: CorrectionRequest,
        decide: @escaping @Sendable (CorrectionFacts) throws -> CorrectionChange
    ) async throws -> Correction {
        try await recording(organizationID) { connection in
            let facts = try await self.correctionFacts(organizationID, visit: request.checkinID, member: request.memberID,
                                                       resource: request.resourceID, connection)
            let change = try decide(facts)
            try await connection.run(
                "WITH correction AS (\(SQL.insert(into: "attendance_corrections", change.correction.fields))), \(Self.record(change))",
                logger: self.logger)
            return change.correction
        }
    }

    public func reviewCorrection(
        _ organizationID: UUID, _ id: UUID, decide: @escaping @Sendable (Correction) throws -> CorrectionChange
    ) async throws -> Correction {
        try await recording(organizationID) { connection in
            let change = try decide(try await self.lockCorrection(organizationID, id, connection))
            try await connection.run("WITH \(Self.save(change))\(Self.record(change))", logger: self.logger)
            return change.correction
        }
    }

    public func applyCorrection(
        _ organizationID: UUID, _ id: UUID, decide: @escaping @Sendable (CorrectionTarget) throws -> AppliedCorrection
    ) async throws -> Correction {
        try await recording(organizationID) { connection in
            let correction = try await self.lockCorrection(organizationID, id, connection)
            let adding = correction.type == .addMissingAttendance
            var visit: Checkin?
            if !adding, let checkinID = correction.checkinID {
                visit = try await connection.rows("""
                    SELECT * FROM checkins WHERE organization_id = \(organizationID) AND id = \(checkinID) FOR NO KEY UPDATE
                    """, logger: self.logger).first.map(Checkin.init(row:))
            }
            let facts = try await self.correctionFacts(
                organizationID, visit: nil, member: adding ? correction.memberID : nil,
                resource: adding ? correction.resourceID : nil, connection)
            var attendance: AttendanceContext?
            if adding, let resource = facts.resource, let memberID = correction.memberID {
                attendance = try await self.attendanceContext(memberID, at: resource.locationID, connection)
            } else if let visit {
                attendance = try await self.attendanceContext(of: visit, connection)
            }
            let applied = try decide(CorrectionTarget(correction: correction, visit: visit, attendance: attendance,
                                                      facts: facts))
            if applied.deletesVisit {
                let checkin = applied.visit.checkin
                try await connection.run("""
                    WITH gone AS (DELETE FROM checkins WHERE organization_id = \(organizationID) AND id = \(checkin.checkin.id)),
                    \(try await self.tallies([(visit, nil)], organizationID, connection))\(Self.record(checkin))
                    """, logger: self.logger)
            } else {
                try await self.write(applied.visit, connection)
            }
            try await connection.run("WITH \(Self.save(applied.correction))\(Self.record(applied.correction))",
                                     logger: self.logger)
            return applied.correction.correction
        }
    }

    public func correction(_ organizationID: UUID, _ id: UUID) async throws -> Correction? {
        try await query(Self.selectCorrection(organizationID, id)).first.map(Correction.init(row:))
    }

    public func corrections(
        _ organizationID: UUID, filter: CorrectionFilter, page: PageRequest
    ) async throws -> Page<Correction> {
        var conditions: [SQL] = ["c.organization_id = \(organizationID)"]
        if !filter.statuses.isEmpty { conditions.append("c.status \(SQL.oneOf(filter.statuses.map(\.rawValue)))") }
        if !filter.types.isEmpty { conditions.append("c.type \(SQL.oneOf(filter.types.map(\.rawValue)))") }
        if !filter.priorities.isEmpty { conditions.append("c.priority \(SQL.oneOf(filter.priorities.map(\.rawValue)))") }
        if let memberID = filter.memberID { conditions.append("c.member_id = \(memberID)") }
        if let checkinID = filter.checkinID { conditions.append("c.checkin_id = \(checkinID)") }
        if let after = page.after { conditions.append("(c.created_at, c.id) > (\(after.createdAt), \(after.id))") }
        let rows = try await query("""
            SELECT c.* FROM attendance_corrections c WHERE \(SQL(joining: conditions, separator: " AND "))
            ORDER BY c.created_at, c.id LIMIT \(page.limit + 1)
            """)
        return Page(fetched: try rows.map(Correction.init(row:)), limit: page.limit) {
            Cursor(createdAt: $0.createdAt, id: $0.id)
        }
    }

    // MARK: Inside a transaction

    /// The visit named, if the organization's; whether the member named is live; the live resource named.
    private func correctionFacts(
        _ organizationID: UUID, visit visitID: UUID?, member memberID: UUID?, resource resourceID: UUID?,
        _ connection: PostgresConnection
    ) async throws -> CorrectionFacts {
        var facts = CorrectionFacts(visit: nil, memberExists: false, resource: nil)
        if let visitID {
            facts.visit = try await connection.rows(
                "SELECT * FROM checkins WHERE organization_id = \(organizationID) AND id = \(visitID)", logger: logger
            ).first.map(Checkin.init(row:))
        }
        if let memberID {
            facts.memberExists = try await !connection.rows(Self.select(Member.self, organizationID, memberID),
                                                            logger: logger).isEmpty
        }
        if let resourceID {
            facts.resource = try await connection.rows(Self.select(Resource.self, organizationID, resourceID),
                                                       logger: logger).first.map(Resource.init(row:))
        }
        return facts
    }

    private static func selectCorrection(_ organizationID: UUID, _ id: UUID) -> SQL {
        "SELECT * FROM attendance_corrections WHERE organization_id = \(organizationID) AND id = \(id)"
    }

    private func lockCorrection(_ organizationID: UUID, _ id: UUID, _ connection: PostgresConnection) async throws -> Correction {
        guard let row = try await connection.rows("\(Self.selectCorrection(organizationID, id)) FOR UPDATE", logger: logger).first
        else { throw FrontdeskError.notFound(entity: "correction", id: id.text) }
        return try Correction(row: row)
    }

    /// A CTE updating the correction, followed by a comma.
    private static func save(_ change: CorrectionChange) -> SQL {
        let correction = change.correction
        let update = SQL.update("attendance_corrections", correction.fields)
        return "correction AS (\(update)WHERE organization_id = \(correction.organizationID) AND id = \(correction.id)), "
    }
}
