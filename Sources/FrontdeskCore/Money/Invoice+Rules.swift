import Foundation

/// What an invoice allows in each status, and what it becomes when it closes.
extension Invoice {
    /// At most this many lines: what keeps every total far from overflowing.
    public static let maxLines = 500

    /// Items may be added to, and removed from, an open invoice only.
    public func requireOpen() throws(FrontdeskError) {
        switch status {
        case .open:
            guard lines.count < Self.maxLines else {
                throw .conflict(code: "too_many_lines", detail: "An invoice holds at most \(Self.maxLines) lines.")
            }
        case .finalized:
            throw .conflict(code: "invoice_finalized",
                            detail: "Invoice \(number ?? id.text) is finalized: correct it with a credit note.")
        case .cancelled:
            throw .conflict(code: "invoice_cancelled", detail: "Invoice \(id.text) is cancelled.")
        }
    }

    /// A payment is taken on an invoice that is not cancelled, up to its balance; a refund gives
    /// back at most what was paid and not yet refunded.
    public func admit(_ request: PaymentRequest) throws(FrontdeskError) {
        try Money.requireCurrency(request.currency, is: currency)
        switch request.direction {
        case .payment:
            guard status != .cancelled else {
                throw .conflict(code: "invoice_cancelled", detail: "Invoice \(id.text) is cancelled: it takes no payment.")
            }
            guard request.amount <= balance else {
                throw .unprocessable(code: "payment_exceeds_balance", detail: "The balance is "
                    + "\(Currency.format(balance, currency)) \(currency); a payment may not exceed it.")
            }
        case .refund:
            guard request.amount <= paid - refunded else {
                throw .unprocessable(code: "refund_exceeds_paid", detail: "\(Currency.format(paid - refunded, currency)) "
                    + "\(currency) was paid and not refunded; a refund may not exceed it.")
            }
        }
    }

    /// A credit note corrects a finalized invoice, by at most what it charges and was not credited.
    public func admit(_ request: CreditNoteRequest) throws(FrontdeskError) {
        try Money.requireCurrency(request.currency, is: currency)
        guard status == .finalized else {
            throw .conflict(code: "invoice_not_finalized", detail: "Invoice \(id.text) is \(status.rawValue): "
                + "only a finalized invoice is corrected by credit notes.")
        }
        guard request.amount <= totalAmount - credited else {
            throw .unprocessable(code: "credit_exceeds_invoice", detail: "\(Currency.format(totalAmount - credited, currency)) "
                + "\(currency) is left to credit on invoice \(number ?? id.text).")
        }
    }

    /// A booking whose invoice holds payments or credit notes is kept with them: deleting it is
    /// `409 invoice_has_payments`.
    public func requireNoMoney() throws(FrontdeskError) {
        guard payments.isEmpty && creditNotes.isEmpty && deposits.isEmpty else {
            throw .conflict(code: "invoice_has_payments", detail: "Booking \(bookingNumber)'s invoice holds payments, "
                + "credit notes or deposits: the booking is kept with them.")
        }
    }

    /// The invoice closed as `status` (finalized with `number`, or cancelled) at `instant`: its
    /// lines written down with the rates they were taxed at.
    public func closed(as status: Status, number: String?, at instant: Date) -> Invoice {
        var invoice = self
        invoice.status = status
        invoice.number = number
        invoice.issuedAt = number == nil ? nil : instant
        invoice.lines = lines.map { taxed in
            var taxed = taxed
            taxed.line.taxRate = taxed.rate
            return taxed
        }
        invoice.version += 1
        invoice.updatedAt = instant.truncatedToMilliseconds
        return invoice
    }

    /// The invoice closed as its booking is cancelled (or a no-show) at `instant`, with `fee` (the
    /// policy's) added. An invoice that kept money is a document already: it is numbered (`numbers`)
    /// and credited for all it charges but its fees (`creditNoteID`); one that kept none charges
    /// only its fees, its other lines void. Either way what is owed is the fees, less the money kept.
    public func cancelling(
        fee: InvoiceLine?, numbers: (invoice: String, creditNote: String), creditNoteID: UUID, reason: String, at instant: Date
    ) -> (invoice: Invoice, creditNote: CreditNote?) {
        let charged = fee.map(adding) ?? self
        guard paid - refunded > 0 else {
            var void = charged.closed(as: .cancelled, number: nil, at: instant)
            for i in void.lines.indices where void.lines[i].line.kind != .fee {
                void.lines[i] = TaxedLine(void.lines[i].line.void(), rate: void.lines[i].rate, inclusive: pricesIncludeTax)
            }
            return (void, nil)
        }
        var closed = charged.closed(as: .cancelled, number: numbers.invoice, at: instant)
        let fees = closed.lines.filter { $0.line.kind == .fee }.reduce(0) { $0 + $1.gross }
        guard closed.totalAmount - fees > 0 else { return (closed, nil) }
        let note = CreditNote(id: creditNoteID, organizationID: organizationID, invoiceID: id, number: numbers.creditNote,
                              amount: closed.totalAmount - fees, currency: currency, reason: reason, createdAt: instant)
        closed.creditNotes.append(note)
        return (closed, note)
    }

    /// The stored part of this invoice.
    public var record: InvoiceRecord {
        InvoiceRecord(id: id, bookingID: bookingID, status: status, number: number, issuedAt: issuedAt,
                      pricesIncludeTax: status == .open ? nil : pricesIncludeTax, version: version,
                      createdAt: createdAt, updatedAt: updatedAt)
    }
}
