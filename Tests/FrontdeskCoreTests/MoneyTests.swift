import Foundation
import FrontdeskCore
import Testing

/// Amounts shown with their currency's decimals, and taxes worked out per line in minor units.
@Suite struct MoneyTests {
    @Test(arguments: [
        (123_456, "EUR", "1,234.56"), (-5, "EUR", "-0.05"), (0, "USD", "0.00"), (1_234_567, "JPY", "1,234,567"),
        (5, "JPY", "5"), (1_234_567, "BHD", "1,234.567"), (7, "KWD", "0.007"), (100_000_000, "INR", "1,000,000.00"),
    ])
    func amountsShowTheirCurrencysDecimals(_ minor: Int, _ currency: String, _ shown: String) {
        #expect(Currency.format(minor, currency) == shown)
    }

    @Test func taxIsRoundedPerLineHalfAwayFromZero() {
        let vat = BillingSettings.TaxRate(category: "standard", name: "VAT", rate: 21)
        let reduced = BillingSettings.TaxRate(category: "food", name: "VAT", rate: 7.5)
        func taxed(_ amount: Int, _ rate: BillingSettings.TaxRate?, inclusive: Bool) -> (Int, Int, Int) {
            let line = InvoiceLine(id: UUID(), kind: .extra, description: "x", unitAmount: amount, taxCategory: "standard",
                                   createdAt: Date(timeIntervalSince1970: 0))
            let taxed = TaxedLine(line, rate: rate, inclusive: inclusive)
            return (taxed.net, taxed.tax, taxed.gross)
        }
        #expect(taxed(1_000, vat, inclusive: false) == (1_000, 210, 1_210))
        #expect(taxed(1_000, vat, inclusive: true) == (826, 174, 1_000))  // 1000 / 1.21 = 826.45
        #expect(taxed(333, reduced, inclusive: false) == (333, 25, 358))  // 24.975 rounds up
        #expect(taxed(330, reduced, inclusive: false) == (330, 25, 355))  // 24.75
        #expect(taxed(1_000, nil, inclusive: true) == (1_000, 0, 1_000))
        // The largest amount a line may charge is taxed without overflow.
        #expect(taxed(maxAmount, vat, inclusive: false).1 == Int((Double(maxAmount) * 0.21).rounded()))
    }

    @Test func ratesAreReadToTwoDecimals() throws {
        let patch = BillingSettingsPatch(taxRates: [.init(category: "standard", name: "VAT", rate: 17.9),
                                                    .init(category: "food", name: "VAT", rate: 33.99)])
        #expect(try patch.applied(to: BillingSettings()).taxRates.map(\.basisPoints) == [1_790, 3_399])
    }

    @Test func settingsAreCheckedAsAWhole() {
        let bad = BillingSettingsPatch(
            invoicePrefix: "inv", taxRates: [.init(category: "standard", name: "VAT", rate: 7.555),
                                             .init(category: "standard", name: "Tax", rate: 101)],
            resourceTaxCategories: ["room": "luxury"])
        #expect(throws: FrontdeskError.self) { try bad.applied(to: BillingSettings()) }
        do {
            _ = try bad.applied(to: BillingSettings())
        } catch .validationFailed(let issues) {
            #expect(Set(issues.map(\.field)) == ["invoice_prefix", "tax_rates[0].rate", "tax_rates[1].rate", "tax_rates",
                                                  "resource_tax_categories.room"])
        } catch {
            Issue.record("\(error)")
        }
    }
}
