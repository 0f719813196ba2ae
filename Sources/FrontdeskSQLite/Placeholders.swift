import Foundation
import FrontdeskCore

/// `(?, ?, …)`: a parenthesised list of `count` parameters, for `IN` and `VALUES`.
func placeholders(_ count: Int) -> String {
    "(" + repeatElement("?", count: count).joined(separator: ", ") + ")"
}

/// The ids as one JSON array, bound to the `?` of `IN (SELECT value FROM json_each(?))`: a
/// statement reading any number of ids is then one text, prepared once per connection.
func jsonArray(_ ids: some Sequence<UUID>) -> String {
    "[" + ids.map { "\"\($0.text)\"" }.joined(separator: ",") + "]"
}
