import Foundation
import FrontdeskCore

/// How a booking's invoice follows the booking, in the booking's transaction: made with it,
/// finalized with its number when the booking completes, cancelled with it. While open it needs no
/// write: its lines are the booking's as they are now. The booking's own audit entry and event
/// record these steps; the invoice's events (`invoice_created`, `invoice_finalized`) are not yet
/// written with them (see the README's Billing section).
extension Frontdesk {
    /// The invoice of `booking`, new.
    static func newInvoice(of booking: Booking, billing: BillingSettings, id: UUID) -> InvoiceFollow {
        let record = InvoiceRecord(id: id, bookingID: booking.id, status: .open, createdAt: booking.createdAt,
                                   updatedAt: booking.createdAt)
        let invoice = Invoice(record, booking: booking, items: [], payments: [], creditNotes: [], billing: billing)
        return .create(InvoiceChange(invoice: invoice, previous: nil, audits: [], events: []))
    }

    /// What `booking`'s change from `before` does to its invoice: it closes it when the booking ends.
    static func invoiceFollow(_ booking: Booking, from before: Booking, at: Date) -> InvoiceFollow? {
        guard booking.status != before.status else { return nil }
        switch booking.status {
        case .completed:
            return .change(numbered: true) { invoice, numbering in
                let number = numbering!.number(prefix: invoice.billing.invoicePrefix)
                return InvoiceChange(invoice: invoice.closed(as: .finalized, number: number, at: at), previous: invoice,
                                     takesNumber: true, audits: [], events: [])
            }
        case .cancelled, .noShow, .expired:
            return .change(numbered: false) { invoice, _ in
                InvoiceChange(invoice: invoice.closed(as: .cancelled, number: nil, at: at), previous: invoice, audits: [],
                              events: [])
            }
        default:
            return nil
        }
    }
}
