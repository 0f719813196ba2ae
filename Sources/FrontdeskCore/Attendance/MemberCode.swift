import Foundation

/// Something a member shows at the door (a badge, a QR code, an RFID tag, a membership number)
/// that a scan resolves to them. A value is unique in its organization; a member may have several.
public struct MemberCode: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case badge, qr, rfid, membership
    }

    public var id: UUID
    public var organizationID: UUID
    public var memberID: UUID
    public var value: String
    public var kind: Kind
    /// From then on a scan of it is `code_not_found`, as for a code never given out.
    public var expiresAt: Date?
    public var createdAt: Date

    public init(id: UUID, organizationID: UUID, memberID: UUID, value: String, kind: Kind, expiresAt: Date? = nil,
                createdAt: Date) {
        self.id = id
        self.organizationID = organizationID
        self.memberID = memberID
        self.value = value
        self.kind = kind
        self.expiresAt = expiresAt?.truncatedToMilliseconds
        self.createdAt = createdAt.truncatedToMilliseconds
    }

    /// The refusal of a code whose value another code of the organization has.
    public static func taken(_ value: String) -> FrontdeskError {
        .conflict(code: "code_taken", detail: "Another code of the organization has the value \(value).")
    }

    public func isValid(at now: Date) -> Bool { expiresAt.map { $0 > now } ?? true }

    public func validate() throws(FrontdeskError) {
        var v = Validator()
        v.text(value, "value", required: true, max: 200)
        v.check(value == value.trimmingCharacters(in: .whitespaces), "value", "must not begin or end with a space")
        v.bookable(expiresAt, "expires_at")
        try v.validate()
    }
}
