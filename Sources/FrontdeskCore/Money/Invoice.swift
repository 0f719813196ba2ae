import Foundation

/// The bill of a booking, made with it. While the booking is open the invoice follows it (its
/// lines are the booking's lines as they are now, plus the items added); at the booking's completion
/// it is finalized: numbered from a gapless series and from then on immutable, corrected only by
/// credit notes. Cancelling the booking cancels its open invoice.
public struct Invoice: Sendable, Hashable, Identifiable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case open, finalized, cancelled
    }

    public var id: UUID
    public var organizationID: UUID
    public var bookingID: UUID
    public var bookingNumber: String
    public var locationID: UUID
    public var memberID: UUID
    public var memberName: String?
    public var status: Status
    /// Taken at finalization.
    public var number: String?
    public var issuedAt: Date?
    public var currency: String
    public var pricesIncludeTax: Bool
    /// Each line with its tax, in order: the booking's lines, then the items.
    public var lines: [TaxedLine]
    public var payments: [Payment]
    public var creditNotes: [CreditNote]
    /// Money held against the booking, captured or released explicitly.
    public var deposits: [Deposit]
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date
    /// The settings it was read with: an open invoice's lines are taxed by them, its documents
    /// numbered with their prefixes.
    public var billing: BillingSettings

    public init(id: UUID, organizationID: UUID, bookingID: UUID, bookingNumber: String, locationID: UUID,
                memberID: UUID, memberName: String?, status: Status, number: String?, issuedAt: Date?, currency: String,
                pricesIncludeTax: Bool, lines: [TaxedLine], payments: [Payment], creditNotes: [CreditNote],
                deposits: [Deposit], version: Int, createdAt: Date, updatedAt: Date, billing: BillingSettings) {
        self.id = id
        self.organizationID = organizationID
        self.bookingID = bookingID
        self.bookingNumber = bookingNumber
        self.locationID = locationID
        self.memberID = memberID
        self.memberName = memberName
        self.status = status
        self.number = number
        self.issuedAt = issuedAt.map(\.truncatedToMilliseconds)
        self.currency = currency
        self.pricesIncludeTax = pricesIncludeTax
        self.lines = lines
        self.payments = payments
        self.creditNotes = creditNotes
        self.deposits = deposits
        self.version = version
        self.createdAt = createdAt.truncatedToMilliseconds
        self.updatedAt = updatedAt.truncatedToMilliseconds
        self.billing = billing
    }

    /// The invoice as stored (`record`) read with what it is made of: while it is open, its
    /// booking's lines as they are now and its items, taxed by the settings now; once closed, the
    /// lines it was closed with, taxed at the rates they were closed with.
    public init(_ record: InvoiceRecord, booking: Booking, items: [InvoiceLine], payments: [Payment],
                creditNotes: [CreditNote], deposits: [Deposit], billing: BillingSettings) {
        let inclusive = record.pricesIncludeTax ?? billing.pricesIncludeTax
        let lines: [TaxedLine] = if record.status == .open {
            (booking.lines.map { InvoiceLine.charge(of: $0, in: booking, billing: billing) } + items).map {
                TaxedLine($0, rate: billing.rate(of: $0.taxCategory), inclusive: inclusive)
            }
        } else {
            items.map { TaxedLine($0, rate: $0.taxRate, inclusive: inclusive) }
        }
        self.init(id: record.id, organizationID: booking.organizationID, bookingID: booking.id,
                  bookingNumber: booking.number, locationID: booking.locationID, memberID: booking.memberID,
                  memberName: booking.memberName, status: record.status, number: record.number,
                  issuedAt: record.issuedAt, currency: booking.currency, pricesIncludeTax: inclusive, lines: lines,
                  payments: payments, creditNotes: creditNotes, deposits: deposits, version: record.version,
                  createdAt: record.createdAt,
                  updatedAt: max(record.updatedAt, booking.updatedAt), billing: billing)
    }

    /// The invoice with `item` added, taxed as the invoice's lines are.
    public func adding(_ item: InvoiceLine) -> Invoice {
        var invoice = self
        invoice.lines.append(TaxedLine(item, rate: billing.rate(of: item.taxCategory), inclusive: pricesIncludeTax))
        return invoice
    }

    public var netAmount: Int { lines.reduce(0) { $0 + $1.net } }
    public var taxAmount: Int { lines.reduce(0) { $0 + $1.tax } }
    /// What the invoice charges, tax included.
    public var totalAmount: Int { lines.reduce(0) { $0 + $1.gross } }
    public var paid: Int { payments.filter { $0.direction == .payment }.reduce(0) { $0 + $1.amount } }
    public var refunded: Int { payments.filter { $0.direction == .refund }.reduce(0) { $0 + $1.amount } }
    public var credited: Int { creditNotes.reduce(0) { $0 + $1.amount } }
    /// What is still owed: the total less the credit notes and the money kept. Below zero, owed back.
    public var balance: Int { totalAmount - credited - paid + refunded }

    /// The tax of each rate the lines were taxed at, in the order the rates first appear.
    public var taxes: [TaxTotal] {
        var totals: [TaxTotal] = []
        for line in lines {
            guard let rate = line.rate else { continue }
            if let i = totals.firstIndex(where: { $0.rate == rate }) {
                totals[i].net += line.net
                totals[i].tax += line.tax
            } else {
                totals.append(TaxTotal(rate: rate, net: line.net, tax: line.tax))
            }
        }
        return totals
    }
}

/// The tax one rate adds up to on an invoice, and the net amount it was levied on.
public struct TaxTotal: Sendable, Hashable {
    public var rate: BillingSettings.TaxRate
    public var net: Int
    public var tax: Int
}

/// An invoice as stored: what the booking, its items, payments and credit notes do not say.
public struct InvoiceRecord: Sendable, Hashable {
    public var id: UUID
    public var bookingID: UUID
    public var status: Invoice.Status
    public var number: String?
    public var issuedAt: Date?
    /// Set when it closed: whether its prices included tax then.
    public var pricesIncludeTax: Bool?
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, bookingID: UUID, status: Invoice.Status, number: String? = nil, issuedAt: Date? = nil,
                pricesIncludeTax: Bool? = nil, version: Int = 1, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.bookingID = bookingID
        self.status = status
        self.number = number
        self.issuedAt = issuedAt
        self.pricesIncludeTax = pricesIncludeTax
        self.version = version
        self.createdAt = createdAt.truncatedToMilliseconds
        self.updatedAt = updatedAt.truncatedToMilliseconds
    }
}
