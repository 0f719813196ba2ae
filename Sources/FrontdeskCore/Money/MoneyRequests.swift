import Foundation

/// The largest amount a request may carry, in minor units: 2^53, the largest integer every JSON
/// client reads exactly.
public let maxAmount = 1 << 53

/// An item staff add to an open invoice: the minibar, room service, an add-on.
public struct InvoiceItemRequest: Sendable, Hashable {
    public var description: String
    public var quantity: Int
    public var unitAmount: Int
    public var taxCategory: String?
    /// When given, it must be the organization's.
    public var currency: String?

    public init(description: String, quantity: Int = 1, unitAmount: Int, taxCategory: String? = nil,
                currency: String? = nil) {
        self.description = description
        self.quantity = quantity
        self.unitAmount = unitAmount
        self.taxCategory = taxCategory
        self.currency = currency
    }

    public func validate(billing: BillingSettings) throws(FrontdeskError) {
        var v = Validator()
        v.text(description, "description", required: true)
        v.check((1...10_000).contains(quantity), "quantity", "must be between 1 and 10000")
        Money.checkAmount(&v, unitAmount, "unit_amount")
        v.check(quantity.multipliedReportingOverflow(by: unitAmount).partialValue <= maxAmount, "unit_amount",
                "quantity × unit_amount must be at most 2^53 minor units")
        if let taxCategory { v.check(billing.knows(taxCategory), "tax_category", "must be standard or a category of the tax rates") }
        try v.validate()
    }
}

/// Money taken against an invoice (`payment`), or given back (`refund`).
public struct PaymentRequest: Sendable, Hashable {
    public var invoiceID: UUID
    public var direction: Payment.Direction
    public var amount: Int
    public var method: Payment.Method
    public var reference: String?
    public var currency: String?

    public init(invoiceID: UUID, direction: Payment.Direction = .payment, amount: Int, method: Payment.Method,
                reference: String? = nil, currency: String? = nil) {
        self.invoiceID = invoiceID
        self.direction = direction
        self.amount = amount
        self.method = method
        self.reference = reference
        self.currency = currency
    }

    public func validate() throws(FrontdeskError) {
        var v = Validator()
        Money.checkAmount(&v, amount, "amount")
        v.text(reference, "reference", max: 200)
        try v.validate()
    }
}

/// A credit note against a finalized invoice.
public struct CreditNoteRequest: Sendable, Hashable {
    public var invoiceID: UUID
    public var amount: Int
    public var reason: String
    public var currency: String?

    public init(invoiceID: UUID, amount: Int, reason: String, currency: String? = nil) {
        self.invoiceID = invoiceID
        self.amount = amount
        self.reason = reason
        self.currency = currency
    }

    public func validate() throws(FrontdeskError) {
        var v = Validator()
        Money.checkAmount(&v, amount, "amount")
        v.text(reason, "reason", required: true, max: 500, multiline: true)
        try v.validate()
    }
}

/// The rules every amount a request carries follows.
public enum Money {
    static func checkAmount(_ v: inout Validator, _ amount: Int, _ field: String) {
        v.check((1...maxAmount).contains(amount), field, "must be a positive amount in minor units, at most 2^53")
    }

    /// A percent (a tax rate, a fee) is between 0 and 100, to two decimals as JSON writes them:
    /// 17.9 × 100 is 1789.9999999999998 in binary, and still two decimals.
    static func checkPercent(_ v: inout Validator, _ percent: Double, _ field: String) {
        v.check((0...100).contains(percent) && abs(percent * 100 - (percent * 100).rounded()) < 1e-6, field,
                "must be a percent between 0 and 100, to two decimals")
    }

    /// A percent in hundredths of a percent (7.5 % is 750): what amounts are multiplied by.
    static func basisPoints(_ percent: Double) -> Int { Int((percent * 100).rounded()) }

    /// A request's currency, when it names one, must be the organization's: `422 currency_mismatch`.
    public static func requireCurrency(_ given: String?, is currency: String) throws(FrontdeskError) {
        guard let given, given != currency else { return }
        throw .unprocessable(code: "currency_mismatch",
                             detail: "Amounts here are in \(currency), the organization's currency, not \(given).")
    }
}
