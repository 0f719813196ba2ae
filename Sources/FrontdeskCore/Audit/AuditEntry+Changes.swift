import Foundation

extension AuditEntry {
    /// What an audit entry keeps of a change, from the entity's JSON before and after it. A change
    /// of an existing entity keeps only the members that differ, each side as it was: a member the
    /// change set is in `after` only, one it unset in `before` only, and a member in neither did not
    /// change. A creation keeps the whole entity after it, a deletion the whole entity before it.
    /// Three quarters of an entry were members a check-in or a check-out leaves as they were.
    ///
    /// The members are compared as text (`JSONMembers`), in the writer's transaction: parsing both
    /// documents into values was 7% of the writer's time on a booking's check-in. `JSONWriter`
    /// writes a type's keys in one order, so each key before is looked for after from where the
    /// previous one was found, without hashing: dictionaries and sets of the members were a tenth
    /// of the writer's time on a booking's check-in and check-out.
    public static func changes(before: Data?, after: Data?) -> (before: Data?, after: Data?) {
        guard let before, let after, let old = JSONMembers(before), let new = JSONMembers(after) else {
            return (before, after)
        }
        var keepOld = [Bool](repeating: true, count: old.members.count)  // unset by the change unless found
        var keepNew = [Bool](repeating: true, count: new.members.count)  // set by the change unless found
        var from = 0
        for (i, member) in old.members.enumerated() {
            guard let j = new.index(of: member.key, from: from) else { continue }
            let changed = member.value != new.members[j].value
            (keepOld[i], keepNew[j], from) = (changed, changed, j + 1)
        }
        return (old.object(keeping: keepOld), new.object(keeping: keepNew))
    }
}
