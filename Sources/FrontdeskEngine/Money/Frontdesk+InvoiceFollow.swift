import Foundation
import FrontdeskCore

/// How a booking's invoice follows the booking, in the booking's transaction: made with it
/// (`invoice_created`), announced when a desk change moves its lines or its member
/// (`invoice_updated`), finalized with its number when the booking completes (`invoice_finalized`),
/// cancelled with it (`invoice_updated`). While open it needs no write of its own: its lines are
/// the booking's as they are now.
extension Frontdesk {
    /// The invoice of `booking`, new: its event follows the booking's; the booking's audit entry
    /// records its making.
    static func newInvoice(of booking: Booking, billing: BillingSettings, id: UUID, newID: () -> UUID) -> InvoiceFollow {
        let record = InvoiceRecord(id: id, bookingID: booking.id, status: .open, createdAt: booking.createdAt,
                                   updatedAt: booking.createdAt)
        let invoice = Invoice(record, booking: booking, items: [], payments: [], creditNotes: [], billing: billing)
        return .create(change(invoice, before: nil, type: .invoiceCreated, action: "create", actor: .system,
                              at: booking.createdAt, newID: newID))
    }

    /// What `booking`'s change from `before` (an event of `type` when named) does to its invoice.
    static func invoiceFollow(
        _ booking: Booking, from before: Booking, type: EventType?, actor: Actor, at: Date,
        newID: @escaping @Sendable () -> UUID
    ) -> InvoiceFollow? {
        if booking.status != before.status {
            switch booking.status {
            case .completed:
                return .change(numbered: true) { invoice, numbering in
                    let number = numbering!.number(prefix: invoice.billing.invoicePrefix)
                    return change(invoice.closed(as: .finalized, number: number, at: at), before: invoice,
                                  type: .invoiceFinalized, action: "finalize", actor: actor, at: at, newID: newID,
                                  takesNumber: true)
                }
            case .cancelled, .noShow, .expired:
                return .change(numbered: false) { invoice, _ in
                    change(invoice.closed(as: .cancelled, number: nil, at: at), before: invoice, type: .invoiceUpdated,
                           action: "cancel", actor: actor, at: at, newID: newID)
                }
            default: break
            }
        }
        guard let type, revisions.contains(type) else { return nil }
        // The booking's audit entry records the change; the invoice, unchanged as stored, announces it.
        return .change(numbered: false) { invoice, _ in
            change(invoice, before: nil, type: .invoiceUpdated, action: "follow", actor: actor, at: at, newID: newID)
        }
    }

    /// The events of a desk change that moves what a booking's invoice charges, or whom.
    private static let revisions: Set<EventType> = [
        .bookingLineAdded, .bookingLineRemoved, .bookingLineChanged, .bookingMemberChanged,
    ]
}
