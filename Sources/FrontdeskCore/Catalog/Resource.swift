import Foundation

/// Anything bookable or occupiable: a room, a desk, a bike, a court, a class.
public struct Resource: Sendable, Hashable, Identifiable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case active
        case outOfService = "out_of_service"
    }

    public var id: UUID
    public var organizationID: UUID
    public var locationID: UUID
    public var name: String
    public var kind: String
    public var category: String?
    /// How many bookings may hold it at once; 1 is exclusive.
    public var capacity: Int
    public var rateAmount: Int
    public var rateUnit: RateUnit
    /// Prices of shorter lines (`RateTier`), in order; none: every line pays the rate.
    public var rateTiers: [RateTier]
    public var status: Status
    /// Clean, or dirty since a `flag_for_cleaning` action fired on it.
    public var housekeeping: Housekeeping
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, organizationID: UUID, locationID: UUID, name: String, kind: String, category: String?,
                capacity: Int, rateAmount: Int, rateUnit: RateUnit, rateTiers: [RateTier] = [], status: Status,
                housekeeping: Housekeeping = .clean, createdAt: Date, updatedAt: Date? = nil) {
        self.id = id
        self.organizationID = organizationID
        self.locationID = locationID
        self.name = name
        self.kind = kind
        self.category = category
        self.capacity = capacity
        self.rateAmount = rateAmount
        self.rateUnit = rateUnit
        self.rateTiers = rateTiers
        self.status = status
        self.housekeeping = housekeeping
        self.createdAt = createdAt.truncatedToMilliseconds
        self.updatedAt = (updatedAt ?? createdAt).truncatedToMilliseconds
    }

    public static let maxCapacity = 100_000

    public func validate() throws(FrontdeskError) {
        var v = Validator()
        v.text(name, "name", required: true)
        v.text(kind, "kind", required: true, max: 50)
        v.text(category, "category", max: 100)
        v.check((1...Self.maxCapacity).contains(capacity), "capacity", "must be between 1 and \(Self.maxCapacity)")
        v.check((0...Self.maxRate).contains(rateAmount), "rate_amount", "must be between 0 and \(Self.maxRate) minor units")
        RateTier.check(&v, rateTiers)
        try v.validate()
    }
}
