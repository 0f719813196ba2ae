import FrontdeskAPI
import FrontdeskCore

/// A value of an enumeration with no counterpart on the other side: a Core value the spec does not
/// list, or a value the spec lists that Core does not know. `openapi.yaml` and Core have drifted:
/// a bug, answered as a logged 500, never a crash. `APIEnumerationTests` fails first, for every
/// value of every enumeration the API shares with Core.
struct UnmatchedValue: Error, CustomStringConvertible {
    var type: String
    var value: String

    var description: String { "\(value) has no counterpart in \(type): openapi.yaml and Core disagree" }
}

extension RawRepresentable where RawValue == String {
    /// The value of the same name as `value`, an API value's in Core or a Core value's in the API.
    init<Other: RawRepresentable>(matching value: Other) throws(UnmatchedValue) where Other.RawValue == String {
        guard let mapped = Self(rawValue: value.rawValue) else {
            throw UnmatchedValue(type: "\(Self.self)", value: value.rawValue)
        }
        self = mapped
    }
}

extension Components.Schemas.ActionScope {
    /// The API's kind of Core's scope (see `init(matching:)`).
    init(_ scope: ActionScope) throws(UnmatchedValue) {
        guard let mapped = Self(rawValue: scope.kind) else { throw UnmatchedValue(type: "ActionScope", value: scope.kind) }
        self = mapped
    }
}
