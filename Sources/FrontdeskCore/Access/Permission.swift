/// What a key may do. Checked before every operation; a missing one is a 403 naming it.
public enum Permission: String, Sendable, Codable, CaseIterable {
    case bookingCreate = "booking:create"
    case bookingRead = "booking:read"
    case bookingUpdate = "booking:update"
    case bookingCheckin = "booking:checkin"
    case bookingCheckout = "booking:checkout"
    case bookingCancel = "booking:cancel"
    case bookingDelete = "booking:delete"
    case resourceRead = "resource:read"
    case resourceWrite = "resource:write"
    case memberRead = "member:read"
    case memberWrite = "member:write"
    case locationRead = "location:read"
    case locationWrite = "location:write"
    case settingsRead = "settings:read"
    case settingsManage = "settings:manage"
    case keyManage = "key:manage"
    /// The people who sign in to the desk: users, their roles and locations.
    case userManage = "user:manage"
    case auditRead = "audit:read"
    case eventRead = "event:read"
    /// Members' codes and attendance, the attendance settings.
    case attendanceRead = "attendance:read"
    case attendanceManage = "attendance:manage"
    /// Submitting attendance corrections; reviewing them (approving, rejecting, applying) is
    /// `correction:review`, reading them `attendance:read`.
    case correctionSubmit = "correction:submit"
    case correctionReview = "correction:review"
    /// Invoices and payments; `billing:write` adds items and issues credit notes, and manages the
    /// billing settings.
    case billingRead = "billing:read"
    case billingWrite = "billing:write"
    case paymentCreate = "payment:create"
    case paymentRefund = "payment:refund"
    /// Creating organizations: only the platform (master) key has it.
    case organizationCreate = "organization:create"
}
