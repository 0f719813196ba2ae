import Foundation

/// Money held against a booking (a rental's deposit, a card pre-authorization): released, or
/// captured in whole or in part, explicitly. A captured part becomes a payment on the invoice.
public struct Deposit: Sendable, Hashable, Identifiable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Some of it is still held.
        case held
        /// Nothing is held: the rest was released.
        case released
        /// Nothing is held: all of it was captured.
        case captured
    }

    public var id: UUID
    public var organizationID: UUID
    public var invoiceID: UUID
    public var bookingID: UUID
    public var amount: Int
    public var captured: Int
    public var released: Int
    public var currency: String
    public var method: Payment.Method
    public var reference: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, organizationID: UUID, invoiceID: UUID, bookingID: UUID, amount: Int, captured: Int = 0,
                released: Int = 0, currency: String, method: Payment.Method, reference: String?, createdAt: Date,
                updatedAt: Date? = nil) {
        self.id = id
        self.organizationID = organizationID
        self.invoiceID = invoiceID
        self.bookingID = bookingID
        self.amount = amount
        self.captured = captured
        self.released = released
        self.currency = currency
        self.method = method
        self.reference = reference
        self.createdAt = createdAt.truncatedToMilliseconds
        self.updatedAt = (updatedAt ?? createdAt).truncatedToMilliseconds
    }

    /// What is still held.
    public var held: Int { amount - captured - released }

    public var status: Status { held > 0 ? .held : captured > 0 && released == 0 ? .captured : .released }

    /// `part` (all that is held by default) captured at `instant`: a deposit no longer held is
    /// `409 deposit_settled`, a part above what is held `422 deposit_exceeded`.
    public func capturing(_ part: Int?, at instant: Date) throws(FrontdeskError) -> Deposit {
        try requireHeld()
        let part = part ?? held
        var v = Validator()
        Money.checkAmount(&v, part, "amount")
        try v.validate()
        guard part <= held else {
            throw .unprocessable(code: "deposit_exceeded", detail: "Deposit \(id.text) holds "
                + "\(Currency.format(held, currency)) \(currency); no more can be captured.")
        }
        var deposit = self
        deposit.captured += part
        deposit.updatedAt = instant.truncatedToMilliseconds
        return deposit
    }

    /// What is still held given back at `instant`.
    public func releasing(at instant: Date) throws(FrontdeskError) -> Deposit {
        try requireHeld()
        var deposit = self
        deposit.released += held
        deposit.updatedAt = instant.truncatedToMilliseconds
        return deposit
    }

    private func requireHeld() throws(FrontdeskError) {
        guard held > 0 else {
            throw .conflict(code: "deposit_settled", detail: "Deposit \(id.text) is \(status.rawValue): nothing is held.")
        }
    }
}

extension Deposit: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("amount"); json.int(amount)
            json.key("booking_id"); json.uuid(bookingID)
            json.key("captured"); json.int(captured)
            json.key("created_at"); json.instant(createdAt)
            json.key("currency"); json.string(currency)
            json.key("held"); json.int(held)
            json.key("id"); json.uuid(id)
            json.key("invoice_id"); json.uuid(invoiceID)
            json.key("method"); json.string(method.rawValue)
            if let reference { json.key("reference"); json.string(reference) }
            json.key("released"); json.int(released)
            json.key("status"); json.string(status.rawValue)
            json.key("updated_at"); json.instant(updatedAt)
        }
    }
}

/// Damage found as a rental comes back: charged on its invoice.
public struct Damage: Sendable, Hashable {
    public var description: String
    public var amount: Int

    public init(description: String, amount: Int) {
        self.description = description
        self.amount = amount
    }

    public func validate() throws(FrontdeskError) {
        var v = Validator()
        v.text(description, "damage.description", required: true, max: 500, multiline: true)
        Money.checkAmount(&v, amount, "damage.amount")
        try v.validate()
    }
}
