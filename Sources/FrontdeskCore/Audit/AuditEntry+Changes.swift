import Foundation

extension AuditEntry {
    /// What an audit entry keeps of a change, from the entity's JSON before and after it. A change
    /// of an existing entity keeps only the members that differ, each side as it was: a member the
    /// change set is in `after` only, one it unset in `before` only, and a member in neither did not
    /// change. A creation keeps the whole entity after it, a deletion the whole entity before it.
    /// Three quarters of an entry were members a check-in or a check-out leaves as they were.
    public static func changes(before: Data?, after: Data?) -> (before: Data?, after: Data?) {
        guard let before, let after,
              let old = try? JSONValue.object(parsing: String(decoding: before, as: UTF8.self)),
              let new = try? JSONValue.object(parsing: String(decoding: after, as: UTF8.self))
        else { return (before, after) }
        let changed = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
        return (written(old.filter { changed.contains($0.key) }), written(new.filter { changed.contains($0.key) }))
    }

    /// The members as one object, in key order (as the entity's own JSON has them).
    private static func written(_ members: [String: JSONValue]) -> Data {
        var json = JSONWriter(capacity: 256)
        JSONValue.object(members).write(to: &json)
        return json.data
    }
}
