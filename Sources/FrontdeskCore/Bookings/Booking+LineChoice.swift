import Foundation

extension Booking {
    /// The lines a per-line step names: by their ids (`line_ids`), or by their resources
    /// (`resource_ids`, as a hotel names its rooms: a booking holds a resource once); nil, every
    /// line, when it names neither. Both at once, an empty list, or a resource this booking does not
    /// hold is a 422 on `resource_ids`.
    public func lineIDs(_ lineIDs: Set<UUID>?, orResources resourceIDs: Set<UUID>?) throws(FrontdeskError) -> Set<UUID>? {
        guard let resourceIDs else { return lineIDs }
        var v = Validator()
        v.check(lineIDs == nil, "resource_ids", "give line_ids or resource_ids, not both")
        v.check(!resourceIDs.isEmpty, "resource_ids", "must name at least one resource")
        for id in resourceIDs.sorted(by: { $0.text < $1.text }) where !lines.contains(where: { $0.resourceID == id }) {
            v.check(false, "resource_ids", "\(id.text) is not a resource of booking \(number)")
        }
        try v.validate()
        return Set(lines.filter { resourceIDs.contains($0.resourceID) }.map(\.id))
    }
}

extension Booking {
    /// The one line a swap at check-in moves: the one `line_ids` or `resource_ids` names, or the
    /// booking's only line when they name none. Another count is a 422 on `resource_id`.
    public func lineToSwap(_ lineIDs: Set<UUID>?, orResources resourceIDs: Set<UUID>?) throws(FrontdeskError) -> UUID {
        let chosen = try self.lineIDs(lineIDs, orResources: resourceIDs) ?? Set(lines.map(\.id))
        guard chosen.count == 1, let id = chosen.first else {
            throw .validationFailed([FieldIssue("resource_id", "swaps one line: name it in line_ids or resource_ids")])
        }
        return id
    }
}
