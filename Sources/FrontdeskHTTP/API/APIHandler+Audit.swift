import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func listAudit(_ input: Operations.ListAudit.Input) async throws -> Operations.ListAudit.Output {
        let query = input.query
        let page = try await frontdesk.auditEntries(
            try caller,
            filter: AuditFilter(entityType: query.entityType?.rawValue,
                                entityID: try Read.uuidIfPresent(query.entityId, "entity_id"),
                                actorType: query.actorType?.rawValue, actorID: query.actorId,
                                from: query.from, to: query.to),
            page: try PageRequest(limit: query.limit, cursor: query.cursor, list: .audit))
        return .ok(.init(body: .json(.init(items: try page.items.map(Components.Schemas.AuditEntry.init),
                                           nextCursor: page.nextCursor(in: .audit)))))
    }
}
