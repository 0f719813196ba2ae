import Foundation

extension Action {
    /// Whether the action fires for an event of `type` about `resources` (each resource's id with
    /// its location's): the trigger must be the event's type and the scope hold one of them.
    public func matches(_ type: EventType, resources: [(resourceID: UUID, locationID: UUID)]) -> Bool {
        trigger == type && (scope == .organization || !self.resources(in: resources).isEmpty)
    }

    /// The resources among `resources` that the scope holds.
    public func resources(in resources: [(resourceID: UUID, locationID: UUID)]) -> [UUID] {
        resources.filter { resource in
            switch scope {
            case .organization: true
            case .location(let id): resource.locationID == id
            case .resource(let id): resource.resourceID == id
            }
        }.map(\.resourceID)
    }
}
