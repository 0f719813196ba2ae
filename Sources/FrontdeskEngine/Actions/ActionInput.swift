import Foundation
import FrontdeskCore

/// The fields of an action a client sends: all of them to create one, any of them to change one
/// (its type stays what it was created as). `scope` and `scopeID` go together.
public struct ActionInput: Sendable {
    public var trigger: EventType?
    public var type: ActionType?
    public var scope: String?
    public var scopeID: UUID?
    public var url: String?

    public init(trigger: EventType? = nil, type: ActionType? = nil, scope: String? = nil, scopeID: UUID? = nil,
                url: String? = nil) {
        self.trigger = trigger
        self.type = type
        self.scope = scope
        self.scopeID = scopeID
        self.url = url
    }

    /// `action` with the sent fields applied; a scope that does not fit its id is a 422.
    func applied(to action: Action) throws(FrontdeskError) -> Action {
        var next = action
        if let trigger { next.trigger = trigger }
        if let url { next.url = url }
        if scope != nil || scopeID != nil {
            guard let scope = ActionScope(kind: scope ?? action.scope.kind, targetID: scopeID) else {
                throw .validationFailed([FieldIssue("scope_id", "is required for a location or resource scope, "
                    + "and only for them")])
            }
            next.scope = scope
        }
        return next
    }
}
