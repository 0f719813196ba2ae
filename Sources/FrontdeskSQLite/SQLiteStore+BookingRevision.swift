import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore {
    public func reviseBooking(
        _ organizationID: UUID, _ reference: BookingReference, memberID: UUID?, now: Date,
        requested: @escaping @Sendable (Booking) -> [BookingRequest.Line],
        decide: @escaping @Sendable (BookingRevisionContext) throws -> BookingChange
    ) async throws -> Booking {
        try await write { db in
            let current = try Self.requireBooking(organizationID, reference, db)
            let lines = requested(current)
            var resources: [UUID: BookableResource] = [:]
            if !lines.isEmpty {
                let version = try Self.catalogVersion(organizationID, db)
                let organization = try self.writerCatalog.organization(organizationID, at: version) {
                    try Self.requireOrganization(organizationID, db)
                }
                resources = try self.bookableResources(organization, at: version, ids: lines.map(\.resourceID), now: now,
                                                       windows: lines, db)
            }
            let change = try decide(BookingRevisionContext(
                booking: current, linked: try Self.checkins(ofBooking: current.id, db), resources: resources,
                memberName: try memberID.flatMap { try Self.memberName(organizationID, $0, db) }))
            try self.write(change, previous: current, db)
            try Self.keepLongestLine(of: change.booking, db)
            return change.booking
        }
    }
}
