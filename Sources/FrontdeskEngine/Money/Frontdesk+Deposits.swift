import Foundation
import FrontdeskCore

/// Deposits, with `payment:create`: held against a booking's open invoice (`deposit_held`),
/// released (`deposit_released`) or captured in whole or in part, a captured part becoming a
/// payment on the invoice (`deposit_captured` and `payment_recorded`); and a rental's return,
/// which checks it out with the damage found charged and its deposit captured, in one transaction.
extension Frontdesk {
    public func holdDeposit(
        _ caller: Caller, _ reference: BookingReference, amount: Int, method: Payment.Method, note: String? = nil
    ) async throws -> Deposit {
        try caller.require(.paymentCreate)
        try PaymentRequest(invoiceID: UUID(), amount: amount, method: method, reference: note).validate()
        let invoiceID = try await invoiceID(of: try await booking(caller, reference).id, caller)
        let (actor, newID, depositID) = (caller.actor, self.newID, newID())
        let change = try await store.changeInvoice(caller.organizationID, invoiceID, numbering: [], now: now) { current, _ in
            let now = self.now
            try current.requireOpen()
            let deposit = Deposit(id: depositID, organizationID: current.organizationID, invoiceID: current.id,
                                  bookingID: current.bookingID, amount: amount, currency: current.currency, method: method,
                                  reference: note, createdAt: now)
            var next = current
            next.deposits.append(deposit)
            return Self.change(next, before: current, type: .depositHeld, action: "hold_deposit", actor: actor, at: now,
                               newID: newID, deposit: deposit)
        }
        return change.deposit!
    }

    /// `amount` of the deposit (all it holds by default) captured: a payment on its invoice, up to
    /// the invoice's balance.
    public func captureDeposit(_ caller: Caller, _ id: UUID, amount: Int? = nil) async throws -> Deposit {
        try caller.require(.paymentCreate)
        let (actor, newID, paymentID) = (caller.actor, self.newID, newID())
        let change = try await store.changeInvoice(caller.organizationID, try await depositInvoice(id, caller),
                                                   numbering: [], now: now) { current, _ in
            let now = self.now
            let (next, deposit, payment) = try Self.capture(id, amount, of: current, paymentID: paymentID, at: now)
            var change = Self.change(next, before: current, type: .depositCaptured, action: "capture_deposit", actor: actor,
                                     at: now, newID: newID, payment: payment, deposit: deposit)
            change.events.append(EventDraft(id: newID(), type: .paymentRecorded, entityType: "invoice", entityID: current.id,
                                            data: DomainJSON.encode(payment), createdAt: now))
            return change
        }
        return change.deposit!
    }

    /// What the deposit still holds given back.
    public func releaseDeposit(_ caller: Caller, _ id: UUID) async throws -> Deposit {
        try caller.require(.paymentCreate)
        let (actor, newID) = (caller.actor, self.newID)
        let change = try await store.changeInvoice(caller.organizationID, try await depositInvoice(id, caller),
                                                   numbering: [], now: now) { current, _ in
            let now = self.now
            guard let held = current.deposits.first(where: { $0.id == id }) else {
                throw FrontdeskError.notFound(entity: "deposit", id: id.text)
            }
            let deposit = try held.releasing(at: now)
            var next = current
            next.deposits = current.deposits.map { $0.id == id ? deposit : $0 }
            return Self.change(next, before: current, type: .depositReleased, action: "release_deposit", actor: actor,
                               at: now, newID: newID, deposit: deposit)
        }
        return change.deposit!
    }

    /// A rental back: checked out (at `at`, default now), with `damage` charged on its invoice
    /// (`booking_damage_recorded`) and, when `captureDeposit`, its deposit still held captured up
    /// to what the invoice is owed, before the invoice is finalized, all in one transaction.
    public func returnBooking(
        _ caller: Caller, _ reference: BookingReference, at: Date? = nil, damage: Damage? = nil,
        captureDeposit: Bool = false, ifMatch: Int? = nil
    ) async throws -> Booking {
        if damage != nil || captureDeposit { try caller.require(.paymentCreate) }
        try damage?.validate()
        return try await perform(caller, .checkOut, on: reference, at: at,
                                 returning: BookingReturn(damage: damage, captureDeposit: captureDeposit), ifMatch: ifMatch)
    }

    /// The invoice `current` with `part` of its deposit `id` captured as a payment.
    static func capture(
        _ id: UUID, _ part: Int?, of current: Invoice, paymentID: UUID, at now: Date
    ) throws -> (Invoice, Deposit, Payment) {
        guard let held = current.deposits.first(where: { $0.id == id }) else {
            throw FrontdeskError.notFound(entity: "deposit", id: id.text)
        }
        let deposit = try held.capturing(part, at: now)
        let request = PaymentRequest(invoiceID: current.id, amount: deposit.captured - held.captured, method: held.method,
                                     reference: "deposit \(id.text)")
        try current.admit(request)
        let payment = Payment(id: paymentID, organizationID: current.organizationID, invoiceID: current.id,
                              direction: .payment, amount: request.amount, currency: current.currency,
                              method: held.method, reference: request.reference, locationID: current.locationID,
                              createdAt: now)
        var next = current
        next.deposits = current.deposits.map { $0.id == id ? deposit : $0 }
        next.payments.append(payment)
        return (next, deposit, payment)
    }

    private func invoiceID(of bookingID: UUID, _ caller: Caller) async throws -> UUID {
        guard let invoice = try await store.invoices(caller.organizationID, filter: InvoiceFilter(bookingID: bookingID),
                                                     page: PageRequest(limit: 1)).items.first else {
            throw FrontdeskError.conflict(code: "no_invoice", detail: "Booking \(bookingID.text) was made before invoices "
                + "and has none.")
        }
        return invoice.id
    }

    private func depositInvoice(_ id: UUID, _ caller: Caller) async throws -> UUID {
        guard let deposit = try await store.deposit(caller.organizationID, id) else {
            throw FrontdeskError.notFound(entity: "deposit", id: id.text)
        }
        try await requireVisible(invoice: deposit.invoiceID, caller)
        return deposit.invoiceID
    }
}

/// What a rental's return adds to its check-out (`Frontdesk.returnBooking`).
public struct BookingReturn: Sendable, Hashable {
    public var damage: Damage?
    public var captureDeposit: Bool

    public init(damage: Damage? = nil, captureDeposit: Bool = false) {
        self.damage = damage
        self.captureDeposit = captureDeposit
    }
}
