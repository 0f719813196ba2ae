/// `(?, ?, …)`: a parenthesised list of `count` parameters, for `IN` and `VALUES`.
func placeholders(_ count: Int) -> String {
    "(" + repeatElement("?", count: count).joined(separator: ", ") + ")"
}
