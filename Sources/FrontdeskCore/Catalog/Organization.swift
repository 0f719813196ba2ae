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
    public var createdAt: Date
    public var updatedAt: Date

    /// The id of the organization single-tenant mode uses.
    public static let defaultID = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!

    public init(id: UUID, name: String, timeZone: String = "UTC", currency: String = "USD",
                checkInTime: LocalTimeText = "14:00", checkOutTime: LocalTimeText = "11:00",
                bookingNumberPrefix: String = "BK", noShowGraceMinutes: Int = 120, pendingHoldMinutes: Int = 15,
                createdAt: Date, updatedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.currency = currency
        self.checkInTime = checkInTime
        self.checkOutTime = checkOutTime
        self.bookingNumberPrefix = bookingNumberPrefix
        self.noShowGraceMinutes = noShowGraceMinutes
        self.pendingHoldMinutes = pendingHoldMinutes
        self.createdAt = createdAt.truncatedToMilliseconds
        self.updatedAt = (updatedAt ?? createdAt).truncatedToMilliseconds
    }

    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? .gmt }
    public var checkIn: LocalTime { LocalTime(checkInTime) ?? LocalTime("14:00")! }
    public var checkOut: LocalTime { LocalTime(checkOutTime) ?? LocalTime("11:00")! }

    /// Checks every setting; throws all failing fields at once.
    public func validate() throws(FrontdeskError) {
        var v = Validator()
        v.text(name, "name", required: true)
        v.timeZone(timeZone, "timezone")
        v.check(Currency.isValid(currency), "currency", "must be an ISO 4217 code such as EUR")
        v.check(LocalTime(checkInTime) != nil, "check_in_time", "must be HH:MM")
        v.check(LocalTime(checkOutTime) != nil, "check_out_time", "must be HH:MM")
        v.check((1...10).contains(bookingNumberPrefix.utf8.count) && bookingNumberPrefix.utf8.allSatisfy {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }, "booking_number_prefix", "must be 1 to 10 capital letters or digits")
        v.check((0...10_080).contains(noShowGraceMinutes), "no_show_grace_minutes", "must be between 0 and 10080")
        v.check((1...10_080).contains(pendingHoldMinutes), "pending_hold_minutes", "must be between 1 and 10080")
        try v.validate()
    }
}

/// A time of day as written in settings (`"14:00"`).
public typealias LocalTimeText = String

public enum Currency {
    public static func isValid(_ code: String) -> Bool {
        code.utf8.count == 3 && code.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }
}
