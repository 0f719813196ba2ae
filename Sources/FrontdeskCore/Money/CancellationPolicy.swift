import Foundation

/// What a booking owes when it is cancelled late or its guest never comes: cancelling is free up
/// to `freeCancelHours` before the booking's start, then costs `fee`; a no-show costs `noShowFee`.
/// Each fee is a fixed amount or a percent of the booking's price; it is added to the invoice as a
/// `fee` line when the booking ends so.
public struct CancellationPolicy: Sendable, Hashable, Codable {
    enum CodingKeys: String, CodingKey {
        case freeCancelHours = "free_cancel_hours"
        case fee
        case noShowFee = "no_show_fee"
    }

    /// A fixed `amount` in minor units, or a `percent` of the booking's price (one of the two).
    public struct Fee: Sendable, Hashable, Codable {
        public var amount: Int?
        public var percent: Double?

        public init(amount: Int? = nil, percent: Double? = nil) {
            self.amount = amount
            self.percent = percent
        }

        /// The fee on a booking priced `price`: rounded half away from zero in minor units.
        public func charge(on price: Int) -> Int {
            amount ?? TaxedLine.rounded(price, times: Money.basisPoints(percent ?? 0), over: 10_000)
        }

        func check(_ v: inout Validator, _ field: String) {
            v.check((amount == nil) != (percent == nil), field, "give amount or percent, one of the two")
            if let amount { Money.checkAmount(&v, amount, field + ".amount") }
            if let percent { Money.checkPercent(&v, percent, field + ".percent") }
        }
    }

    public var freeCancelHours: Int
    public var fee: Fee?
    public var noShowFee: Fee?

    public init(freeCancelHours: Int = 0, fee: Fee? = nil, noShowFee: Fee? = nil) {
        self.freeCancelHours = freeCancelHours
        self.fee = fee
        self.noShowFee = noShowFee
    }

    /// The fee line `booking`, ending as `status` at `instant`, owes; nil when it owes none.
    public func feeLine(for booking: Booking, endingAs status: BookingStatus, at instant: Date, id: UUID) -> InvoiceLine? {
        let (fee, description): (Fee?, String) = switch status {
        case .cancelled where instant > booking.window.start - Double(freeCancelHours) * 3_600:
            (fee, "Cancellation fee")
        case .noShow: (noShowFee, "No-show fee")
        default: (nil, "")
        }
        guard let fee, case let amount = fee.charge(on: booking.totalAmount), amount > 0 else { return nil }
        return InvoiceLine(id: id, kind: .fee, description: description, unitAmount: amount,
                           taxCategory: BillingSettings.standardCategory, createdAt: instant)
    }

    /// Adds its issues, named `<field>.<setting>`.
    func check(_ v: inout Validator, _ field: String) {
        v.check((0...8_760).contains(freeCancelHours), field + ".free_cancel_hours", "must be between 0 and 8760")
        fee?.check(&v, field + ".fee")
        noShowFee?.check(&v, field + ".no_show_fee")
    }
}

/// Money given back as a booking is cancelled: recorded as a refund of its invoice.
public struct CancellationRefund: Sendable, Hashable {
    public var amount: Int
    /// How it is given back; default the method of the invoice's last payment.
    public var method: Payment.Method?

    public init(amount: Int, method: Payment.Method? = nil) {
        self.amount = amount
        self.method = method
    }

    public func validate() throws(FrontdeskError) {
        var v = Validator()
        Money.checkAmount(&v, amount, "refund_amount")
        try v.validate()
    }
}
