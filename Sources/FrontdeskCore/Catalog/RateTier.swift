import Foundation

/// A price for lines up to a length, as a rental desk prices them (seed 002): the first three hours
/// by the hour, then a day's price, then by the day. A resource's tiers are tried in order, by the
/// line's whole length; a line longer than every tier pays the resource's own rate.
public struct RateTier: Sendable, Hashable, Codable {
    enum CodingKeys: String, CodingKey {
        case upToMinutes = "up_to_minutes"
        case rateAmount = "rate_amount"
        case rateUnit = "rate_unit"
    }

    /// The longest line this tier prices.
    public var upToMinutes: Int
    public var rateAmount: Int
    /// Per started hour or day, per night, or `session`: the amount once for the line.
    public var rateUnit: RateUnit

    public init(upToMinutes: Int, rateAmount: Int, rateUnit: RateUnit) {
        self.upToMinutes = upToMinutes
        self.rateAmount = rateAmount
        self.rateUnit = rateUnit
    }

    public static let maxCount = 10

    /// Each tier longer than the one before, its amount a price, at most `maxCount` of them.
    static func check(_ v: inout Validator, _ tiers: [RateTier]) {
        v.check(tiers.count <= maxCount, "rate_tiers", "at most \(maxCount) tiers")
        for (i, tier) in tiers.enumerated() {
            v.check((1...BookingRequest.maxLineMinutes).contains(tier.upToMinutes), "rate_tiers[\(i)].up_to_minutes",
                    "must be between 1 and \(BookingRequest.maxLineMinutes)")
            v.check((0...Resource.maxRate).contains(tier.rateAmount), "rate_tiers[\(i)].rate_amount",
                    "must be between 0 and \(Resource.maxRate) minor units")
            if i > 0 {
                v.check(tier.upToMinutes > tiers[i - 1].upToMinutes, "rate_tiers[\(i)].up_to_minutes",
                        "must be longer than the tier before")
            }
        }
    }

    /// The tiers as stored (a JSON array), nil when there are none.
    public static func stored(_ tiers: [RateTier]) -> String? {
        tiers.isEmpty ? nil : String(decoding: (try? JSONEncoder().encode(tiers)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// Tiers as stored; a text that is not tiers is an error, as any unknown stored value is.
    public static func tiers(stored text: String?) throws -> [RateTier] {
        guard let text else { return [] }
        return try JSONDecoder().decode([RateTier].self, from: Data(text.utf8))
    }
}

extension Resource {
    public static let maxRate = 100_000_000_000

    /// What a line holding it for `window` costs: the first tier as long as the line, else its rate.
    public func price(_ window: TimeWindow, in timeZone: TimeZone) -> Int {
        let minutes = Int((window.duration / 60).rounded(.up))
        if let tier = rateTiers.first(where: { minutes <= $0.upToMinutes }) {
            return tier.rateUnit.price(rate: tier.rateAmount, window: window, in: timeZone)
        }
        return rateUnit.price(rate: rateAmount, window: window, in: timeZone)
    }
}
