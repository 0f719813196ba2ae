import Foundation

/// The printable view of an invoice (its receipt once paid): one plain page a browser prints to
/// PDF, amounts with the currency's own decimals, dates in the organization's time zone.
extension Invoice {
    public func html(organizationName: String, timeZone: TimeZone) -> String {
        let money = { (minor: Int) in Self.escaped(Currency.format(minor, currency)) }
        let title = number.map { "Invoice \($0)" } ?? (status == .cancelled ? "Cancelled invoice" : "Invoice (open)")
        var rows = ""
        for taxed in lines {
            rows += "<tr><td>\(Self.escaped(taxed.line.description))</td><td class=n>\(taxed.line.quantity)</td>"
                + "<td class=n>\(money(taxed.line.unitAmount))</td>"
                + "<td>\(taxed.rate.map { Self.escaped("\($0.name) \(Self.percent($0.rate))") } ?? "")</td>"
                + "<td class=n>\(money(taxed.gross))</td></tr>\n"
        }
        var totals = "<tr><th>Net</th><td class=n>\(money(netAmount))</td></tr>\n"
        for tax in taxes {
            totals += "<tr><th>\(Self.escaped("\(tax.rate.name) \(Self.percent(tax.rate.rate))"))</th>"
                + "<td class=n>\(money(tax.tax))</td></tr>\n"
        }
        totals += "<tr class=total><th>Total \(currency)</th><td class=n>\(money(totalAmount))</td></tr>\n"
        for (label, amount) in [("Paid", paid), ("Refunded", refunded), ("Credited", credited)] where amount != 0 {
            totals += "<tr><th>\(label)</th><td class=n>\(money(amount))</td></tr>\n"
        }
        totals += "<tr class=total><th>Balance \(currency)</th><td class=n>\(money(balance))</td></tr>\n"
        let day = { (instant: Date) in LocalDate(instant, in: timeZone).description }
        var facts = "<p>Booking \(Self.escaped(bookingNumber))"
            + (memberName.map { " · \(Self.escaped($0))" } ?? "") + "</p>\n"
        facts += "<p>\(issuedAt.map { "Issued \(day($0))" } ?? "Status: \(status.rawValue)")</p>\n"
        var history = ""
        for payment in payments {
            history += "<li>\(day(payment.createdAt)) \(payment.direction.rawValue) \(payment.method.rawValue) "
                + "\(money(payment.amount))\(payment.reference.map { " (\(Self.escaped($0)))" } ?? "")</li>\n"
        }
        for note in creditNotes {
            history += "<li>\(day(note.createdAt)) credit note \(Self.escaped(note.number)) \(money(note.amount)): "
                + "\(Self.escaped(note.reason))</li>\n"
        }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(Self.escaped(title))</title>
            <style>
            body{font:14px/1.4 system-ui,sans-serif;max-width:48rem;margin:2rem auto;color:#111}
            table{width:100%;border-collapse:collapse;margin:1rem 0}td,th{padding:.3rem;border-bottom:1px solid #ddd;text-align:left}
            .n{text-align:right;font-variant-numeric:tabular-nums}.total th,.total td{font-weight:bold}
            @media print{body{margin:0}}
            </style></head><body>
            <h1>\(Self.escaped(title))</h1>
            <p><strong>\(Self.escaped(organizationName))</strong></p>
            \(facts)<table><thead><tr><th>Description</th><th class=n>Qty</th><th class=n>Unit</th><th>Tax</th><th class=n>Amount</th></tr></thead>
            <tbody>
            \(rows)</tbody></table>
            <table class=totals>
            \(totals)</table>
            \(history.isEmpty ? "" : "<h2>Payments and credit notes</h2>\n<ul>\n\(history)</ul>\n")</body></html>

            """
    }

    static func percent(_ rate: Double) -> String {
        (rate == rate.rounded() ? String(Int(rate)) : String(rate)) + "%"
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
