extension SQL {
    /// `= value` for one value, `= ANY(values)` for several: the planner reads an index in its
    /// order for an equality, not for an array (it sorts what the array found).
    static func oneOf(_ values: [String]) -> SQL {
        values.count == 1 ? "= \(values[0])" : "= ANY(\(values))"
    }
}
