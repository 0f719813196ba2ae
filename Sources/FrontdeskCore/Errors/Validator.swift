import Foundation

/// Collects field issues and throws them together, so a client sees every problem at once.
public struct Validator: Sendable {
    public private(set) var issues: [FieldIssue] = []

    public init() {}

    public mutating func check(_ condition: Bool, _ field: String, _ message: String) {
        if !condition { issues.append(FieldIssue(field, message)) }
    }

    public mutating func text(_ value: String?, _ field: String, required: Bool = false, max: Int = 200) {
        guard let value else {
            check(!required, field, "is required")
            return
        }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        check(!(required && trimmed.isEmpty), field, "must not be blank")
        check(value.count <= max, field, "must be at most \(max) characters")
    }

    public func validate() throws(FrontdeskError) {
        if !issues.isEmpty { throw .validationFailed(issues) }
    }
}
