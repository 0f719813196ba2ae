import FrontdeskCore

/// A change to an organization's settings; nil leaves a field as it is.
public struct OrganizationPatch: Sendable {
    public var name: String?
    public var timeZone: String?
    public var currency: String?
    public var checkInTime: String?
    public var checkOutTime: String?
    public var bookingNumberPrefix: String?
    public var noShowGraceMinutes: Int?
    public var pendingHoldMinutes: Int?
    public var autoNoShow: Bool?

    public init(name: String? = nil, timeZone: String? = nil, currency: String? = nil, checkInTime: String? = nil,
                checkOutTime: String? = nil, bookingNumberPrefix: String? = nil, noShowGraceMinutes: Int? = nil,
                pendingHoldMinutes: Int? = nil, autoNoShow: Bool? = nil) {
        self.name = name
        self.timeZone = timeZone
        self.currency = currency
        self.checkInTime = checkInTime
        self.checkOutTime = checkOutTime
        self.bookingNumberPrefix = bookingNumberPrefix
        self.noShowGraceMinutes = noShowGraceMinutes
        self.pendingHoldMinutes = pendingHoldMinutes
        self.autoNoShow = autoNoShow
    }

    func applied(to organization: Organization) -> Organization {
        var o = organization
        o.name = name ?? o.name
        o.timeZone = timeZone ?? o.timeZone
        o.currency = currency ?? o.currency
        o.checkInTime = checkInTime ?? o.checkInTime
        o.checkOutTime = checkOutTime ?? o.checkOutTime
        o.bookingNumberPrefix = bookingNumberPrefix ?? o.bookingNumberPrefix
        o.noShowGraceMinutes = noShowGraceMinutes ?? o.noShowGraceMinutes
        o.pendingHoldMinutes = pendingHoldMinutes ?? o.pendingHoldMinutes
        o.autoNoShow = autoNoShow ?? o.autoNoShow
        return o
    }
}
