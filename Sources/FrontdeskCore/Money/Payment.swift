import Foundation

/// Money taken against an invoice, or given back (`refund`): the payment history, never changed.
public struct Payment: Sendable, Hashable, Identifiable {
    public enum Method: String, Sendable, Codable, CaseIterable {
        case cash, card, upi
        case bankTransfer = "bank_transfer"
        case other
    }

    public enum Direction: String, Sendable, Codable, CaseIterable {
        case payment, refund
    }

    public var id: UUID
    public var organizationID: UUID
    public var invoiceID: UUID
    public var direction: Direction
    /// Minor units, always positive: a refund's direction says which way it went.
    public var amount: Int
    public var currency: String
    public var method: Method
    public var reference: String?
    /// Where it was taken: the invoice's booking's location, by whose time zone takings are counted.
    public var locationID: UUID
    public var createdAt: Date

    public init(id: UUID, organizationID: UUID, invoiceID: UUID, direction: Direction, amount: Int, currency: String,
                method: Method, reference: String?, locationID: UUID, createdAt: Date) {
        self.id = id
        self.organizationID = organizationID
        self.invoiceID = invoiceID
        self.direction = direction
        self.amount = amount
        self.currency = currency
        self.method = method
        self.reference = reference
        self.locationID = locationID
        self.createdAt = createdAt.truncatedToMilliseconds
    }

    /// The amount with its sign: what it adds to the money taken.
    public var signedAmount: Int { direction == .payment ? amount : -amount }
}

/// A correction of a closed invoice: it lowers what is owed without touching the payments.
/// Numbered from its own gapless series (`CN-2026-0001`).
public struct CreditNote: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    public var invoiceID: UUID
    public var number: String
    public var amount: Int
    public var currency: String
    public var reason: String
    public var createdAt: Date

    public init(id: UUID, organizationID: UUID, invoiceID: UUID, number: String, amount: Int, currency: String,
                reason: String, createdAt: Date) {
        self.id = id
        self.organizationID = organizationID
        self.invoiceID = invoiceID
        self.number = number
        self.amount = amount
        self.currency = currency
        self.reason = reason
        self.createdAt = createdAt.truncatedToMilliseconds
    }
}
