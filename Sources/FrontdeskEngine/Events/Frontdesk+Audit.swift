import Foundation
import FrontdeskCore

extension Frontdesk {
    /// The organization's audit log, filtered (`AuditFilter`), in creation order.
    public func auditEntries(_ caller: Caller, filter: AuditFilter, page: PageRequest) async throws -> Page<AuditEntry> {
        try caller.require(.auditRead)
        try caller.requireEveryLocation(
            "location_id", "you see only some locations: the audit log is the whole organization's; read a booking's or a visit's own")
        try filter.validate()
        return try await store.auditEntries(caller.organizationID, filter: filter, page: page)
    }

    /// The audit trail of the `entityType` whose id is `id`, oldest first. It outlives what it is
    /// about: a deleted booking's or checkin's stays readable by its id (until retention purges it
    /// by age). Empty for one that is still there and whose trail retention purged; `not_found`
    /// when there is neither.
    func trail(of entityType: String, _ id: UUID, _ caller: Caller) async throws -> [AuditEntry] {
        try caller.require(.auditRead)
        try caller.require(.bookingRead)
        let entries = try await store.auditEntries(caller.organizationID, entityID: id)
        if entries.isEmpty, try await exists(entityType, id, caller.organizationID) { return [] }
        guard entries.first?.entityType == entityType else { throw FrontdeskError.notFound(entity: entityType, id: id.text) }
        return entries
    }

    private func exists(_ entityType: String, _ id: UUID, _ organizationID: UUID) async throws -> Bool {
        switch entityType {
        case "booking": try await store.booking(organizationID, .id(id)) != nil
        default: try await store.checkin(organizationID, id) != nil
        }
    }
}
