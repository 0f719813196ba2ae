import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func createAction(_ input: Operations.CreateAction.Input) async throws -> Operations.CreateAction.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let action = try await frontdesk.createAction(try caller, ActionInput(
            trigger: EventType(rawValue: body.trigger.rawValue), type: ActionType(rawValue: body._type.rawValue),
            scope: body.scope.rawValue, scopeID: try Read.uuidIfPresent(body.scopeId, "scope_id"), url: body.url))
        return .created(.init(body: .json(try .init(action, revealingSecret: true))))
    }

    func listActions(_ input: Operations.ListActions.Input) async throws -> Operations.ListActions.Output {
        let page = try await frontdesk.actions(try caller, page: try PageRequest(limit: input.query.limit,
                                                                                 cursor: input.query.cursor, list: .actions))
        return .ok(.init(body: .json(.init(items: try page.items.map { try .init($0) }, nextCursor: page.nextCursor(in: .actions)))))
    }

    func getAction(_ input: Operations.GetAction.Input) async throws -> Operations.GetAction.Output {
        let action = try await frontdesk.action(try caller, try Read.pathID(input.path.id, "action"))
        return .ok(.init(body: .json(try .init(action))))
    }

    func updateAction(_ input: Operations.UpdateAction.Input) async throws -> Operations.UpdateAction.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let action = try await frontdesk.updateAction(try caller, try Read.pathID(input.path.id, "action"), ActionInput(
            trigger: body.trigger.flatMap { EventType(rawValue: $0.rawValue) },
            type: body._type.flatMap { ActionType(rawValue: $0.rawValue) }, scope: body.scope?.rawValue,
            scopeID: try Read.uuidIfPresent(body.scopeId, "scope_id"), url: body.url))
        return .ok(.init(body: .json(try .init(action))))
    }

    func deleteAction(_ input: Operations.DeleteAction.Input) async throws -> Operations.DeleteAction.Output {
        try await frontdesk.deleteAction(try caller, try Read.pathID(input.path.id, "action"))
        return .noContent(.init())
    }
}
