extension Substring {
    /// ASCII digits only: `Int("+1")` parses, so a bare `Int(_:)` would let "2026-+1-01" through.
    var isDigits: Bool { !isEmpty && allSatisfy { ("0"..."9").contains($0) } }
}
