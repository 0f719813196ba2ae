import Foundation
import FrontdeskCore

/// Invoices: read with `billing:read`; items and credit notes with `billing:write`; payments with
/// `payment:create`, refunds with `payment:refund`. Each write is one transaction with the
/// invoice's audit entry (its before and after) and its event.
extension Frontdesk {
    public func billingSettings(_ caller: Caller) async throws -> BillingSettings {
        try caller.require(.billingRead)
        return try await store.billingSettings(caller.organizationID)
    }

    public func updateBillingSettings(_ caller: Caller, _ patch: BillingSettingsPatch) async throws -> BillingSettings {
        try caller.require(.billingWrite)
        return try await store.updateBillingSettings(caller.organizationID) { current in try patch.applied(to: current) }
    }

    public func invoice(_ caller: Caller, _ id: UUID) async throws -> Invoice {
        try caller.require(.billingRead)
        guard let invoice = try await store.invoice(caller.organizationID, id), caller.sees(invoice.locationID) else {
            throw FrontdeskError.notFound(entity: "invoice", id: id.text)
        }
        return invoice
    }

    /// The printable page of an invoice (`Invoice.html`), under the organization's name, its dates in
    /// the organization's time zone.
    public func printableInvoice(_ caller: Caller, _ id: UUID) async throws -> String {
        let invoice = try await invoice(caller, id)
        let organization = try await organization(of: caller)
        return invoice.html(organizationName: organization.name, timeZone: organization.zone)
    }

    public func invoices(_ caller: Caller, filter: InvoiceFilter, page: PageRequest) async throws -> Page<Invoice> {
        try caller.require(.billingRead)
        if let bookingID = filter.bookingID {
            try await requireVisible(BookingReference.id(bookingID), caller)
        } else {
            try caller.requireEveryLocation("booking_id")
        }
        return try await store.invoices(caller.organizationID, filter: filter, page: page)
    }

    /// An extra on an open invoice (`invoice_updated`).
    public func addInvoiceItem(_ caller: Caller, _ invoiceID: UUID, _ request: InvoiceItemRequest) async throws -> Invoice {
        try caller.require(.billingWrite)
        try await requireVisible(invoice: invoiceID, caller)
        let (actor, newID, itemID) = (caller.actor, self.newID, newID())
        return try await store.changeInvoice(caller.organizationID, invoiceID, numbering: [], now: now) { current, _ in
            let now = self.now
            try request.validate(billing: current.billing)
            try current.requireOpen()
            try Money.requireCurrency(request.currency, is: current.currency)
            let item = InvoiceLine(id: itemID, kind: .extra, description: request.description, quantity: request.quantity,
                                   unitAmount: request.unitAmount,
                                   taxCategory: request.taxCategory ?? BillingSettings.standardCategory, createdAt: now)
            return Self.change(current.adding(item), before: current, type: .invoiceUpdated, action: "add_item",
                               actor: actor, at: now, newID: newID, addedItem: item)
        }.invoice
    }

    /// Removes an extra from an open invoice; a booking line's charge goes with its line.
    public func removeInvoiceItem(_ caller: Caller, _ invoiceID: UUID, _ itemID: UUID) async throws -> Invoice {
        try caller.require(.billingWrite)
        try await requireVisible(invoice: invoiceID, caller)
        let (actor, newID) = (caller.actor, self.newID)
        return try await store.changeInvoice(caller.organizationID, invoiceID, numbering: [], now: now) { current, _ in
            let now = self.now
            try current.requireOpen()
            guard let line = current.lines.first(where: { $0.line.id == itemID && $0.line.kind != .booking }) else {
                throw FrontdeskError.notFound(entity: "invoice item", id: itemID.text)
            }
            var next = current
            next.lines.removeAll { $0.line.id == line.line.id }
            return Self.change(next, before: current, type: .invoiceUpdated, action: "remove_item", actor: actor, at: now,
                               newID: newID, removedItemID: itemID)
        }.invoice
    }

    /// Money taken (`payment_recorded`) or given back (`refund_recorded`, which takes `payment:refund`).
    public func recordPayment(_ caller: Caller, _ request: PaymentRequest) async throws -> Payment {
        try caller.require(request.direction == .payment ? .paymentCreate : .paymentRefund)
        try request.validate()
        try await requireVisible(invoice: request.invoiceID, caller)
        let (actor, newID, paymentID) = (caller.actor, self.newID, newID())
        let change = try await store.changeInvoice(caller.organizationID, request.invoiceID, numbering: [], now: now) {
            current, _ in
            let now = self.now
            try current.admit(request)
            let payment = Payment(id: paymentID, organizationID: current.organizationID, invoiceID: current.id,
                                  direction: request.direction, amount: request.amount, currency: current.currency,
                                  method: request.method, reference: request.reference, locationID: current.locationID,
                                  createdAt: now)
            var next = current
            next.payments.append(payment)
            return Self.change(next, before: current, type: request.direction == .payment ? .paymentRecorded : .refundRecorded,
                               action: request.direction == .payment ? "record_payment" : "record_refund", actor: actor,
                               at: now, newID: newID, payment: payment)
        }
        return change.payment!
    }

    public func payments(_ caller: Caller, filter: PaymentFilter, page: PageRequest) async throws -> Page<Payment> {
        try caller.require(.billingRead)
        guard let reach = caller.reach(filter.locationIDs) else { return Page(items: [], next: nil) }
        var filter = filter
        filter.locationIDs = reach
        return try await store.payments(caller.organizationID, filter: filter, page: page)
    }

    /// A credit note against a finalized invoice, numbered from its series (`credit_note_issued`).
    public func issueCreditNote(_ caller: Caller, _ request: CreditNoteRequest) async throws -> CreditNote {
        try caller.require(.billingWrite)
        try request.validate()
        try await requireVisible(invoice: request.invoiceID, caller)
        let (actor, newID, noteID) = (caller.actor, self.newID, newID())
        let change = try await store.changeInvoice(caller.organizationID, request.invoiceID, numbering: [.creditNote],
                                                   now: now) { current, numbering in
            let now = self.now
            try current.admit(request)
            let note = CreditNote(id: noteID, organizationID: current.organizationID, invoiceID: current.id,
                                  number: numbering[.creditNote]!.number(prefix: current.billing.creditNotePrefix), amount: request.amount, currency: current.currency,
                                  reason: request.reason, createdAt: now)
            var next = current
            next.creditNotes.append(note)
            return Self.change(next, before: current, type: .creditNoteIssued, action: "issue_credit_note", actor: actor,
                               at: now, newID: newID, creditNote: note, takes: [.creditNote])
        }
        return change.creditNote!
    }

    /// An invoice's change with its event of `type` (the payment or credit note it records, else
    /// the invoice) and, unless it is new, its audit entry (the invoice before and after).
    static func change(
        _ invoice: Invoice, before: Invoice?, type: EventType, action: String, actor: Actor, at: Date,
        newID: () -> UUID, addedItem: InvoiceLine? = nil, removedItemID: UUID? = nil,
        payment: Payment? = nil, creditNote: CreditNote? = nil, deposit: Deposit? = nil,
        takes: Set<DocumentNumber.Series> = []
    ) -> InvoiceChange {
        var invoice = invoice
        if before != nil, addedItem != nil || removedItemID != nil {
            invoice.version += 1
            invoice.updatedAt = at.truncatedToMilliseconds
        }
        let after = DomainJSON.encode(invoice)
        let data: Data = switch type {
        case .paymentRecorded, .refundRecorded: payment.map { DomainJSON.encode($0) } ?? after
        case .creditNoteIssued: creditNote.map { DomainJSON.encode($0) } ?? after
        case .depositHeld, .depositCaptured, .depositReleased: deposit.map { DomainJSON.encode($0) } ?? after
        default: after
        }
        let kept = AuditEntry.changes(before: before.map(DomainJSON.encode), after: after)
        let audits = before == nil ? [] : [AuditEntry(
            id: newID(), organizationID: invoice.organizationID, entityType: "invoice", entityID: invoice.id,
            action: action, actor: actor, before: kept.before, after: kept.after, reason: nil, createdAt: at)]
        let event = EventDraft(id: newID(), type: type, entityType: "invoice", entityID: invoice.id, data: data,
                               createdAt: at)
        return InvoiceChange(invoice: invoice, previous: before, addedItem: addedItem, removedItemID: removedItemID,
                             payment: payment, creditNote: creditNote, deposit: deposit, takes: takes, audits: audits,
                             events: [event])
    }
}
