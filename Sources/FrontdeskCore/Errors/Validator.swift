import Foundation

/// Collects field issues and throws them together, so a client sees every problem at once.
public struct Validator: Sendable {
    public private(set) var issues: [FieldIssue] = []

    public init() {}

    public mutating func check(_ condition: Bool, _ field: String, _ message: String) {
        if !condition { issues.append(FieldIssue(field, message)) }
    }

    /// A text field. One-line text (names, codes, emails, identifiers: the default) holds no
    /// control character at all; free text (`multiline`: notes, reasons) may hold tabs, line
    /// breaks and the rest, but never NUL, which PostgreSQL's `text` cannot store.
    public mutating func text(_ value: String?, _ field: String, required: Bool = false, max: Int = 200,
                              multiline: Bool = false) {
        guard let value else {
            check(!required, field, "is required")
            return
        }
        // Blank: nothing but white space (checked scalar by scalar: `trimmingCharacters` bridges
        // to NSString, on every name and code a request carries).
        check(!(required && value.unicodeScalars.allSatisfy(\.properties.isWhitespace)), field, "must not be blank")
        // Characters as JSON Schema's `maxLength` counts them (code points), not as Swift's `count`
        // does (grapheme clusters: a letter and its combining marks, or an emoji and its modifier,
        // are one), which let a longer text than the spec allows through.
        check(value.unicodeScalars.count <= max, field, "must be at most \(max) characters")
        if multiline {
            check(!value.utf8.contains(0), field, Self.nulMessage)
        } else {
            check(!value.unicodeScalars.contains(where: Self.isControl), field, Self.controlMessage)
        }
    }

    /// An email address, when given: one-line text of at most 254 characters shaped `a@b.c`.
    public mutating func email(_ value: String?, _ field: String, required: Bool = false) {
        text(value, field, required: required, max: 254)
        if let value, !value.isEmpty {
            check(value.range(of: "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", options: .regularExpression) != nil, field,
                  "must be an email address")
        }
    }

    /// C0 controls (U+0000 to U+001F: NUL, tab, line breaks…), DEL (U+007F) and C1 controls
    /// (U+0080 to U+009F): no one-line text holds them.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    public static let controlMessage = "must not hold control characters (U+0000 to U+001F, U+007F to U+009F)"
    public static let nulMessage = "must not hold the NUL character (U+0000)"

    public func validate() throws(FrontdeskError) {
        if !issues.isEmpty { throw .validationFailed(issues) }
    }
}
