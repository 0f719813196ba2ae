import Foundation

/// The tenant, with the settings every rule of the desk reads.
public struct Organization: Sendable, Hashable, Codable, Identifiable {
    enum CodingKeys: String, CodingKey {
        case id
        case name
        case timeZone = "timezone"
        case currency
        case checkInTime = "check_in_time"
        case checkOutTime = "check_out_time"
        case bookingNumberPrefix = "booking_number_prefix"
        case noShowGraceMinutes = "no_show_grace_minutes"
        case pendingHoldMinutes = "pending_hold_minutes"
        case autoNoShow = "auto_no_show"
        case billing
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public var id: UUID
    public var name: String
    public var timeZone: String
    public var currency: String
    public var checkInTime: LocalTimeText
    public var checkOutTime: LocalTimeText
    public var bookingNumberPrefix: String
    public var noShowGraceMinutes: Int
    public var pendingHoldMinutes: Int
    /// Whether the sweeper marks no-shows; a location may say otherwise (`LocationSettings`).
    public var autoNoShow: Bool
    /// Invoice numbering and taxes (`BillingSettings`), read and changed on their own.
    public var billing: BillingSettings
    public var createdAt: Date
    public var updatedAt: Date

    /// The id of the organization single-tenant mode uses.
    public static let defaultID = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!

    public init(id: UUID, name: String, timeZone: String = "UTC", currency: String = "USD",
                checkInTime: LocalTimeText = "14:00", checkOutTime: LocalTimeText = "11:00",
                bookingNumberPrefix: String = "BK", noShowGraceMinutes: Int = 120, pendingHoldMinutes: Int = 15,
                autoNoShow: Bool = true, billing: BillingSettings = BillingSettings(), createdAt: Date,
                updatedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.currency = currency
        self.checkInTime = checkInTime
        self.checkOutTime = checkOutTime
        self.bookingNumberPrefix = bookingNumberPrefix
        self.noShowGraceMinutes = noShowGraceMinutes
        self.pendingHoldMinutes = pendingHoldMinutes
        self.autoNoShow = autoNoShow
        self.billing = billing
        self.createdAt = createdAt.truncatedToMilliseconds
        self.updatedAt = (updatedAt ?? createdAt).truncatedToMilliseconds
    }

    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? .gmt }
    /// The desk settings of every location that overrides none of them.
    public var desk: DeskSettings {
        DeskSettings(checkInTime: checkInTime, checkOutTime: checkOutTime, noShowGraceMinutes: noShowGraceMinutes,
                     pendingHoldMinutes: pendingHoldMinutes, autoNoShow: autoNoShow)
    }

    /// Checks every setting; throws all failing fields at once.
    public func validate() throws(FrontdeskError) {
        var v = Validator()
        v.text(name, "name", required: true)
        v.timeZone(timeZone, "timezone")
        v.check(Currency.isValid(currency), "currency", "must be an ISO 4217 code such as EUR")
        DeskSettings.check(&v, checkInTime: checkInTime, checkOutTime: checkOutTime,
                           noShowGraceMinutes: noShowGraceMinutes, pendingHoldMinutes: pendingHoldMinutes)
        v.check(DocumentNumber.isPrefix(bookingNumberPrefix), "booking_number_prefix",
                "must be 1 to 10 capital letters or digits")
        try v.validate()
    }
}

/// A time of day as written in settings (`"14:00"`).
public typealias LocalTimeText = String
