import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

extension PostgresStore {
    public func reviseBooking(
        _ organizationID: UUID, _ reference: BookingReference, memberID: UUID?, now: Date,
        requested: @escaping @Sendable (Booking) -> [BookingRequest.Line],
        decide: @escaping @Sendable (BookingRevisionContext) throws -> BookingChange
    ) async throws -> Booking {
        try await recording(organizationID) { connection in
            let current = try await self.lockBooking(organizationID, reference, connection)
            let linked = try await self.checkins(ofBooking: current.id, organizationID, connection)
            let lines = requested(current)
            var (resources, memberName): ([UUID: BookableResource], String?) = ([:], nil)
            if !lines.isEmpty || memberID != nil {
                guard let row = try await connection.rows("SELECT * FROM organizations WHERE id = \(organizationID)",
                                                          logger: self.logger).first
                else { throw FrontdeskError.notFound(entity: "organization", id: organizationID.text) }
                (resources, memberName) = try await self.bookableResources(
                    lines, of: try Organization(row: row), member: memberID, now: now, connection)
            }
            let change = try decide(BookingRevisionContext(booking: current, linked: linked, resources: resources,
                                                           memberName: memberName))
            try await self.write(change, connection)
            return change.booking
        }
    }
}
