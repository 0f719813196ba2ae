import PostgresNIO

extension SQL {
    /// `= value` for one value, `= ANY(values)` for several: the planner reads an index in its
    /// order for an equality, not for an array (it sorts what the array found).
    static func oneOf<Value: PostgresArrayEncodable & Sendable>(_ values: [Value]) -> SQL {
        values.count == 1 ? "= \(values[0])" : "= ANY(\(values))"
    }
}
