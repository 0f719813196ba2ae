import Foundation
import FrontdeskCore

/// The fields of a resource a client sends; on PATCH, nil leaves a field as it is.
public struct ResourceInput: Sendable {
    public var locationID: UUID?
    public var name: String?
    public var kind: String?
    public var category: String?
    public var capacity: Int?
    public var rateAmount: Int?
    public var rateUnit: RateUnit?
    public var rateTiers: [RateTier]?
    public var status: Resource.Status?

    public init(locationID: UUID? = nil, name: String? = nil, kind: String? = nil, category: String? = nil,
                capacity: Int? = nil, rateAmount: Int? = nil, rateUnit: RateUnit? = nil, rateTiers: [RateTier]? = nil,
                status: Resource.Status? = nil) {
        self.locationID = locationID
        self.name = name
        self.kind = kind
        self.category = category
        self.capacity = capacity
        self.rateAmount = rateAmount
        self.rateUnit = rateUnit
        self.rateTiers = rateTiers
        self.status = status
    }

    func applied(to r: Resource) -> Resource {
        var r = r
        r.locationID = locationID ?? r.locationID
        r.name = name ?? r.name
        r.kind = kind ?? r.kind
        r.category = category.map { $0.isEmpty ? nil : $0 } ?? r.category
        r.capacity = capacity ?? r.capacity
        r.rateAmount = rateAmount ?? r.rateAmount
        r.rateUnit = rateUnit ?? r.rateUnit
        r.rateTiers = rateTiers ?? r.rateTiers
        r.status = status ?? r.status
        return r
    }
}
