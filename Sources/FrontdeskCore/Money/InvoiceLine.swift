import Foundation

/// One charge on an invoice: a booking line's (while the invoice is open, its booking line as it
/// is now), or an item staff added (extras such as the minibar), or a fee or damage the desk's
/// rules charged. Closing the invoice writes its booking lines down as lines of its own, with the
/// tax rate each was taxed at: from then on nothing about it moves.
public struct InvoiceLine: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case booking, extra, fee, damage
    }

    /// The booking line's id for a booking line's charge; the item's own otherwise.
    public var id: UUID
    public var kind: Kind
    public var bookingLineID: UUID?
    public var description: String
    public var quantity: Int
    /// Minor units of the invoice's currency, with or without tax as the invoice's prices are.
    public var unitAmount: Int
    public var taxCategory: String
    /// The rate the line was taxed at once the invoice closed; nil while open (the settings' rate)
    /// and for a category without tax.
    public var taxRate: BillingSettings.TaxRate?
    /// Void: a line of an invoice cancelled before any money was kept, listed but charging nothing.
    public var voided: Bool
    public var createdAt: Date

    public init(id: UUID, kind: Kind, bookingLineID: UUID? = nil, description: String, quantity: Int = 1,
                unitAmount: Int, taxCategory: String, taxRate: BillingSettings.TaxRate? = nil, voided: Bool = false,
                createdAt: Date) {
        self.id = id
        self.kind = kind
        self.bookingLineID = bookingLineID
        self.description = description
        self.quantity = quantity
        self.unitAmount = unitAmount
        self.taxCategory = taxCategory
        self.taxRate = taxRate
        self.voided = voided
        self.createdAt = createdAt.truncatedToMilliseconds
    }

    /// The line made void.
    func void() -> InvoiceLine {
        var line = self
        line.voided = true
        return line
    }

    /// What the line charges before tax is split out: quantity × unit amount.
    public var amount: Int { quantity * unitAmount }

    /// The charge of `line` of `booking`, taxed in the category `billing` gives its resource's.
    public static func charge(of line: BookingLine, in booking: Booking, billing: BillingSettings) -> InvoiceLine {
        let period = line.dates.map { "\($0.checkIn) to \($0.checkOut)" }
            ?? "\(InstantFormat.string(from: line.window.start)) to \(InstantFormat.string(from: line.window.end))"
        return InvoiceLine(id: line.id, kind: .booking, bookingLineID: line.id,
                           description: "\(line.resourceName ?? "Resource \(line.resourceID.text)") (\(period))",
                           unitAmount: line.amount, taxCategory: billing.taxCategory(ofResourceIn: line.resourceCategory),
                           createdAt: booking.createdAt)
    }
}

/// An invoice line with its tax worked out: net + tax = gross, in minor units, rounded per line.
public struct TaxedLine: Sendable, Hashable {
    public var line: InvoiceLine
    public var rate: BillingSettings.TaxRate?
    public var net: Int
    public var tax: Int
    public var gross: Int

    /// `line` taxed at `rate` (none: no tax), its amount inclusive or exclusive of the tax.
    public init(_ line: InvoiceLine, rate: BillingSettings.TaxRate?, inclusive: Bool) {
        self.line = line
        self.rate = rate
        let amount = line.voided ? 0 : line.amount
        let points = rate?.basisPoints ?? 0
        if inclusive {
            gross = amount
            net = Self.rounded(amount, times: 10_000, over: 10_000 + points)
            tax = gross - net
        } else {
            net = amount
            tax = Self.rounded(amount, times: points, over: 10_000)
            gross = net + tax
        }
    }

    /// `value × factor / divisor` rounded half away from zero, without overflow for any amount an
    /// invoice holds (at most 2^53) and factors up to 20,000.
    static func rounded(_ value: Int, times factor: Int, over divisor: Int) -> Int {
        let product = value.magnitude.multipliedFullWidth(by: UInt(factor))
        let (quotient, remainder) = UInt(divisor).dividingFullWidth(product)
        let magnitude = Int(quotient) + (remainder * 2 >= UInt(divisor) ? 1 : 0)
        return value < 0 ? -magnitude : magnitude
    }
}
