import Foundation
import FrontdeskCore

/// Whether `entry`, applied to the entity's JSON before it, gives `after`: the members it unset
/// (in its `before` only) removed, the ones it set or changed (its `after`) taken.
func replays(_ entry: AuditEntry, from before: Data, to after: Data) -> Bool {
    guard let state = jsonObject(before)?.mutableCopy() as? NSMutableDictionary, let after = jsonObject(after)
    else { return false }
    for key in jsonObject(entry.before)?.allKeys ?? [] { state.removeObject(forKey: key) }
    state.addEntries(from: (jsonObject(entry.after) as? [AnyHashable: Any]) ?? [:])
    return state.isEqual(after)
}
