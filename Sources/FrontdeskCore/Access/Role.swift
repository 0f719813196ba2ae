/// A key's role, mapped to the permissions it grants.
public enum Role: String, Sendable, Codable, CaseIterable {
    case owner, admin, manager
    case frontDesk = "front_desk"
    case viewer, kiosk

    /// Read on every call: each role's set is built once.
    public var permissions: Set<Permission> { Self.grants[self]! }

    private static let grants = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.granted) })

    private var granted: Set<Permission> {
        let reads: Set<Permission> = [.bookingRead, .resourceRead, .memberRead, .locationRead, .settingsRead,
                                      .attendanceRead]
        let desk: Set<Permission> = reads.union([
            .bookingCreate, .bookingUpdate, .bookingCheckin, .bookingCheckout, .bookingCancel, .memberWrite,
            .correctionSubmit, .billingRead, .paymentCreate, .eventRead,
        ])
        switch self {
        case .owner, .admin:
            return Set(Permission.allCases).subtracting([.organizationCreate])
        case .manager:
            return desk.union([.bookingDelete, .resourceWrite, .locationWrite, .auditRead, .eventRead, .attendanceManage,
                               .correctionReview, .billingWrite, .paymentRefund])
        case .frontDesk:
            return desk
        case .viewer:
            return reads.union([.eventRead])
        case .kiosk:
            // Where it stands too: the web desk's kiosk page names its location.
            return [.bookingRead, .bookingCheckin, .bookingCheckout, .resourceRead, .locationRead]
        }
    }

    /// A key may only hand out roles no stronger than its own: an admin cannot mint an owner key.
    public func mayGrant(_ other: Role) -> Bool {
        other.permissions.isSubset(of: permissions) && (self == .owner || other != .owner)
    }
}
