import Foundation
import FrontdeskCore

/// Actions are settings of the organization: `settings:read` lists them, `settings:manage` writes them.
extension Frontdesk {
    /// Creates an action; a webhook gets its signing secret here, returned this once.
    public func createAction(_ caller: Caller, _ input: ActionInput) async throws -> Action {
        try caller.require(.settingsManage)
        var issues: [FieldIssue] = []
        if input.trigger == nil { issues.append(FieldIssue("trigger", "is required")) }
        if input.type == nil { issues.append(FieldIssue("type", "is required")) }
        if input.scope == nil { issues.append(FieldIssue("scope", "is required")) }
        guard issues.isEmpty, let trigger = input.trigger, let type = input.type else {
            throw FrontdeskError.validationFailed(issues)
        }
        let blank = Action(id: newID(), organizationID: caller.organizationID, trigger: trigger, scope: .organization,
                           type: type, url: nil, secret: type == .webhook ? "whsec_" + KeySecret.random(32) : nil,
                           createdAt: now)
        let action = try input.applied(to: blank)
        try action.validate(allowPrivate: allowPrivateWebhooks)
        try await store.insertAction(action)
        return action
    }

    public func action(_ caller: Caller, _ id: UUID) async throws -> Action {
        try caller.require(.settingsRead)
        guard let action = try await store.action(caller.organizationID, id) else {
            throw FrontdeskError.notFound(entity: "action", id: id.text)
        }
        return action
    }

    public func actions(_ caller: Caller, page: PageRequest) async throws -> Page<Action> {
        try caller.require(.settingsRead)
        return try await store.actions(caller.organizationID, page: page)
    }

    public func updateAction(_ caller: Caller, _ id: UUID, _ input: ActionInput) async throws -> Action {
        try caller.require(.settingsManage)
        if input.type != nil {
            throw FrontdeskError.validationFailed([FieldIssue("type", "cannot change: delete the action and create another")])
        }
        let (now, allowPrivate) = (self.now, allowPrivateWebhooks)
        return try await store.updateAction(caller.organizationID, id) { current in
            var next = try input.applied(to: current)
            try next.validate(allowPrivate: allowPrivate)
            next.updatedAt = now
            return next
        }
    }

    public func deleteAction(_ caller: Caller, _ id: UUID) async throws {
        try caller.require(.settingsManage)
        guard try await store.deleteAction(caller.organizationID, id) else {
            throw FrontdeskError.notFound(entity: "action", id: id.text)
        }
    }

    /// Marks a resource clean again after a `flag_for_cleaning` action made it dirty.
    public func cleanResource(_ caller: Caller, _ id: UUID) async throws -> Resource {
        try caller.require(.resourceWrite)
        let now = self.now
        return try await store.updateResource(caller.organizationID, id) { current in
            var next = current
            next.housekeeping = .clean
            next.updatedAt = now
            return next
        }
    }
}
