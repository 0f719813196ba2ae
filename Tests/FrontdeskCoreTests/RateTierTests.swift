import Foundation
import FrontdeskCore
import Testing

/// A rental desk's tiers: the first tier as long as the line prices it, a longer line pays the rate.
@Suite struct RateTierTests {
    /// A bike: up to three hours at 5.00 an hour, up to a day 25.00 once, beyond that 20.00 a day.
    static let bike = Resource(
        id: UUID(), organizationID: UUID(), locationID: UUID(), name: "E-bike 7", kind: "bike", category: nil,
        capacity: 1, rateAmount: 2_000, rateUnit: .day,
        rateTiers: [RateTier(upToMinutes: 180, rateAmount: 500, rateUnit: .hour),
                    RateTier(upToMinutes: 1_440, rateAmount: 2_500, rateUnit: .session)],
        status: .active, createdAt: Date(timeIntervalSince1970: 0))

    @Test(arguments: [(30.0, 500), (120.0, 1_000), (180.0, 1_500), (181.0, 2_500), (1_440.0, 2_500), (1_441.0, 4_000),
                      (4_320.0, 6_000)] as [(Double, Int)])
    func aLineIsPricedByItsLength(_ minutes: Double, _ amount: Int) {
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        #expect(Self.bike.price(TimeWindow(start: start, end: start + minutes * 60), in: .gmt) == amount)
    }

    @Test func tiersAreCheckedAndStored() throws {
        var bike = Self.bike
        try bike.validate()
        #expect(try RateTier.tiers(stored: RateTier.stored(bike.rateTiers)) == bike.rateTiers)
        #expect(RateTier.stored([]) == nil)
        #expect(try RateTier.tiers(stored: nil).isEmpty)
        bike.rateTiers = [RateTier(upToMinutes: 180, rateAmount: 500, rateUnit: .hour),
                          RateTier(upToMinutes: 180, rateAmount: -1, rateUnit: .session)]
        #expect(throws: FrontdeskError.validationFailed([
            FieldIssue("rate_tiers[1].rate_amount", "must be between 0 and 100000000000 minor units"),
            FieldIssue("rate_tiers[1].up_to_minutes", "must be longer than the tier before"),
        ])) { try bike.validate() }
    }
}
