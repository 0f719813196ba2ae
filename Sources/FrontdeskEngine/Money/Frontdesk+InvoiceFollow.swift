import Foundation
import FrontdeskCore

/// How a booking's invoice follows the booking, in the booking's transaction: made with it
/// (`invoice_created`), announced when a desk change moves its lines or its member
/// (`invoice_updated`), finalized with its number (and the late return's fee) when the booking
/// completes (`invoice_finalized`),
/// closed with the policy's fee when it is cancelled, a no-show or expires (`invoice_updated`, and
/// `credit_note_issued` and `refund_recorded` when money was kept and given back). While open it
/// needs no write of its own: its lines are the booking's as they are now.
extension Frontdesk {
    /// The invoice of `booking`, new: its event follows the booking's; the booking's audit entry
    /// records its making.
    static func newInvoice(of booking: Booking, billing: BillingSettings, id: UUID, newID: () -> UUID) -> InvoiceFollow {
        let record = InvoiceRecord(id: id, bookingID: booking.id, status: .open, createdAt: booking.createdAt,
                                   updatedAt: booking.createdAt)
        let invoice = Invoice(record, booking: booking, items: [], payments: [], creditNotes: [], deposits: [],
                              billing: billing)
        return .create(change(invoice, before: nil, type: .invoiceCreated, action: "create", actor: .system,
                              at: booking.createdAt, newID: newID))
    }

    /// What `booking`'s change from `before` (an event of `type` when named) does to its invoice;
    /// `refund` is given back when it cancels, `returning` charged when it completes.
    static func invoiceFollow(
        _ booking: Booking, from before: Booking, type: EventType?, refund: CancellationRefund? = nil,
        returning: BookingReturn? = nil, actor: Actor, at: Date, newID: @escaping @Sendable () -> UUID
    ) -> InvoiceFollow? {
        if booking.status != before.status {
            switch booking.status {
            case .completed:
                return .change(numbering: [.invoice]) { invoice, numbers in
                    try finalize(invoice, booking, numbers, returning: returning, actor: actor, at: at, newID: newID)
                }
            case .cancelled, .noShow, .expired:
                return .change(numbering: [.invoice, .creditNote]) { invoice, numbers in
                    try cancel(invoice, booking, numbers, refund: refund, actor: actor, at: at, newID: newID)
                }
            default: break
            }
        }
        guard let type, revisions.contains(type) else { return nil }
        // The booking's audit entry records the change; the invoice, unchanged as stored, announces it.
        return .change(numbering: []) { invoice, _ in
            change(invoice, before: nil, type: .invoiceUpdated, action: "follow", actor: actor, at: at, newID: newID)
        }
    }

    /// The invoice of `booking`, completed: charged the late return's fee (`LateReturnPolicy`) and
    /// the damage found, its deposit captured when asked, numbered and written down.
    private static func finalize(
        _ invoice: Invoice, _ booking: Booking, _ numbers: DocumentNumbers, returning: BookingReturn?, actor: Actor,
        at: Date, newID: @Sendable () -> UUID
    ) throws -> InvoiceChange {
        var charged = invoice
        if let late = invoice.billing.lateReturn.feeLine(for: booking, returnedAt: booking.actualEndAt ?? at, id: newID()) {
            charged = charged.adding(late)
        }
        if let damage = returning?.damage {
            charged = charged.adding(InvoiceLine(id: newID(), kind: .damage, description: damage.description,
                                                 unitAmount: damage.amount, taxCategory: BillingSettings.standardCategory,
                                                 createdAt: at))
        }
        var captured: (Deposit, Payment)?
        if returning?.captureDeposit == true, charged.balance > 0,
           let held = charged.deposits.last(where: { $0.held > 0 }) {
            let (next, deposit, payment) = try capture(held.id, min(held.held, charged.balance), of: charged,
                                                       paymentID: newID(), at: at)
            (charged, captured) = (next, (deposit, payment))
        }
        let number = numbers[.invoice]!.number(prefix: invoice.billing.invoicePrefix)
        var finalized = change(charged.closed(as: .finalized, number: number, at: at), before: invoice,
                               type: .invoiceFinalized, action: "finalize", actor: actor, at: at, newID: newID,
                               payment: captured?.1, deposit: captured?.0, takes: [.invoice])
        if let damage = returning?.damage {
            var json = JSONWriter()
            json.object { json in
                json.key("amount"); json.int(damage.amount)
                json.key("booking_id"); json.uuid(booking.id)
                json.key("booking_number"); json.string(booking.number)
                json.key("description"); json.string(damage.description)
                json.key("invoice_id"); json.uuid(invoice.id)
            }
            finalized.audits.append(AuditEntry(
                id: newID(), organizationID: booking.organizationID, entityType: "booking", entityID: booking.id,
                action: "record_damage", actor: actor, before: nil, after: json.data, reason: nil, createdAt: at))
            finalized.events.insert(EventDraft(id: newID(), type: .bookingDamageRecorded, entityType: "booking",
                                               entityID: booking.id, data: json.data, createdAt: at), at: 0)
        }
        if let (deposit, payment) = captured {
            finalized.events += [(EventType.depositCaptured, DomainJSON.encode(deposit)),
                                 (.paymentRecorded, DomainJSON.encode(payment))].map {
                EventDraft(id: newID(), type: $0.0, entityType: "invoice", entityID: invoice.id, data: $0.1, createdAt: at)
            }
        }
        return finalized
    }

    /// The invoice of `booking`, ended, closed with its policy's fee (`Invoice.cancelling`), and
    /// `refund` given back.
    private static func cancel(
        _ invoice: Invoice, _ booking: Booking, _ numbers: DocumentNumbers, refund: CancellationRefund?, actor: Actor,
        at: Date, newID: @Sendable () -> UUID
    ) throws -> InvoiceChange {
        let fee = invoice.billing.cancellationPolicy(at: booking.locationID)
            .feeLine(for: booking, endingAs: booking.status, at: at, id: newID())
        var (closed, note) = invoice.cancelling(
            fee: fee, numbers: (numbers[.invoice]!.number(prefix: invoice.billing.invoicePrefix),
                                numbers[.creditNote]!.number(prefix: invoice.billing.creditNotePrefix)),
            creditNoteID: newID(), reason: "Booking \(booking.number) \(booking.status.rawValue)", at: at)
        var payment: Payment?
        if let refund {
            let request = PaymentRequest(invoiceID: invoice.id, direction: .refund, amount: refund.amount,
                                         method: refund.method ?? invoice.payments.last?.method ?? .other)
            try request.validate()
            try closed.admit(request)
            payment = Payment(id: newID(), organizationID: invoice.organizationID, invoiceID: invoice.id,
                              direction: .refund, amount: refund.amount, currency: invoice.currency,
                              method: request.method, reference: nil, locationID: invoice.locationID, createdAt: at)
            closed.payments.append(payment!)
        }
        var cancelled = change(closed, before: invoice, type: .invoiceUpdated, action: "cancel", actor: actor, at: at,
                               newID: newID, payment: payment, creditNote: note,
                               takes: closed.number == nil ? [] : note == nil ? [.invoice] : [.invoice, .creditNote])
        cancelled.events += [note.map { (EventType.creditNoteIssued, DomainJSON.encode($0)) },
                             payment.map { (EventType.refundRecorded, DomainJSON.encode($0)) }].compactMap { $0 }.map {
            EventDraft(id: newID(), type: $0.0, entityType: "invoice", entityID: invoice.id, data: $0.1, createdAt: at)
        }
        return cancelled
    }

    /// The events of a desk change that moves what a booking's invoice charges, or whom.
    private static let revisions: Set<EventType> = [
        .bookingLineAdded, .bookingLineRemoved, .bookingLineChanged, .bookingMemberChanged,
    ]
}
