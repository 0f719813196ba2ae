import FrontdeskCore

/// A stored value this build cannot read: a status, state or kind it does not know (written by a
/// newer build, or behind its back). Reading one is an error on every engine, never a default.
public struct UnreadableValue: Error, Sendable, Equatable, CustomStringConvertible {
    public var column: String
    public var value: String

    public init(column: String, value: String) {
        self.column = column
        self.value = value
    }

    public var description: String { "column \(column) holds \(value), which this build cannot read" }
}

extension RawRepresentable where RawValue == String {
    /// The value `raw` names, as read from `column`: one this build does not know is `UnreadableValue`.
    public init(stored raw: String, column: String) throws(UnreadableValue) {
        guard let value = Self(rawValue: raw) else { throw UnreadableValue(column: column, value: raw) }
        self = value
    }
}
