import Foundation

/// What a rental returned late owes: past its end and a grace, a fee per started hour since the
/// end, added to the invoice as a `fee` line at its check-out.
public struct LateReturnPolicy: Sendable, Hashable, Codable {
    enum CodingKeys: String, CodingKey {
        case graceMinutes = "grace_minutes"
        case hourlyFee = "hourly_fee"
    }

    public var graceMinutes: Int
    /// Minor units per started hour; none: returning late costs nothing.
    public var hourlyFee: Int?

    public init(graceMinutes: Int = 0, hourlyFee: Int? = nil) {
        self.graceMinutes = graceMinutes
        self.hourlyFee = hourlyFee
    }

    /// The fee line of `booking` returned at `instant`; nil when it is not late or costs nothing.
    public func feeLine(for booking: Booking, returnedAt instant: Date, id: UUID) -> InvoiceLine? {
        let late = instant.timeIntervalSince(booking.window.end)
        guard let hourlyFee, late > Double(graceMinutes) * 60 else { return nil }
        let hours = Int((late / 3_600).rounded(.up))
        return InvoiceLine(id: id, kind: .fee, description: "Late return (\(hours) h)", quantity: hours,
                           unitAmount: hourlyFee, taxCategory: BillingSettings.standardCategory, createdAt: instant)
    }

    func check(_ v: inout Validator) {
        v.check((0...10_080).contains(graceMinutes), "late_return.grace_minutes", "must be between 0 and 10080")
        if let hourlyFee { Money.checkAmount(&v, hourlyFee, "late_return.hourly_fee") }
    }
}
