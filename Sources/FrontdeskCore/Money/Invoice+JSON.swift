import Foundation

/// The JSON shapes of invoices, payments and credit notes, identical to the API's schemas (keys
/// sorted, unset values left out): answers, events and audit entries carry the same bytes.
extension Invoice: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("balance"); json.int(balance)
            json.key("booking_id"); json.uuid(bookingID)
            json.key("booking_number"); json.string(bookingNumber)
            json.key("created_at"); json.instant(createdAt)
            json.key("credit_notes"); json.array(creditNotes) { json, note in note.write(to: &json) }
            json.key("credited"); json.int(credited)
            json.key("currency"); json.string(currency)
            json.key("deposits"); json.array(deposits) { json, deposit in deposit.write(to: &json) }
            json.key("id"); json.uuid(id)
            if let issuedAt { json.key("issued_at"); json.instant(issuedAt) }
            json.key("lines"); json.array(lines) { json, line in line.write(to: &json) }
            json.key("location_id"); json.uuid(locationID)
            json.key("member_id"); json.uuid(memberID)
            if let memberName { json.key("member_name"); json.string(memberName) }
            json.key("net_amount"); json.int(netAmount)
            if let number { json.key("number"); json.string(number) }
            json.key("paid"); json.int(paid)
            json.key("payments"); json.array(payments) { json, payment in payment.write(to: &json) }
            json.key("prices_include_tax"); json.bool(pricesIncludeTax)
            json.key("refunded"); json.int(refunded)
            json.key("status"); json.string(status.rawValue)
            json.key("tax_amount"); json.int(taxAmount)
            json.key("taxes"); json.array(taxes) { json, total in
                json.object { json in
                    json.key("amount"); json.int(total.tax)
                    json.key("category"); json.string(total.rate.category)
                    json.key("name"); json.string(total.rate.name)
                    json.key("net_amount"); json.int(total.net)
                    json.key("rate"); json.double(total.rate.rate)
                }
            }
            json.key("total_amount"); json.int(totalAmount)
            json.key("updated_at"); json.instant(updatedAt)
            json.key("version"); json.int(version)
        }
    }
}

extension TaxedLine: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("amount"); json.int(line.amount)
            if let bookingLineID = line.bookingLineID { json.key("booking_line_id"); json.uuid(bookingLineID) }
            json.key("description"); json.string(line.description)
            json.key("gross_amount"); json.int(gross)
            json.key("id"); json.uuid(line.id)
            json.key("kind"); json.string(line.kind.rawValue)
            json.key("net_amount"); json.int(net)
            json.key("quantity"); json.int(line.quantity)
            json.key("tax_amount"); json.int(tax)
            json.key("tax_category"); json.string(line.taxCategory)
            if let rate { json.key("tax_name"); json.string(rate.name) }
            if let rate { json.key("tax_rate"); json.double(rate.rate) }
            json.key("unit_amount"); json.int(line.unitAmount)
            if line.voided { json.key("void"); json.bool(true) }
        }
    }
}

extension Payment: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("amount"); json.int(amount)
            json.key("created_at"); json.instant(createdAt)
            json.key("currency"); json.string(currency)
            json.key("direction"); json.string(direction.rawValue)
            json.key("id"); json.uuid(id)
            json.key("invoice_id"); json.uuid(invoiceID)
            json.key("location_id"); json.uuid(locationID)
            json.key("method"); json.string(method.rawValue)
            if let reference { json.key("reference"); json.string(reference) }
        }
    }
}

extension CreditNote: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("amount"); json.int(amount)
            json.key("created_at"); json.instant(createdAt)
            json.key("currency"); json.string(currency)
            json.key("id"); json.uuid(id)
            json.key("invoice_id"); json.uuid(invoiceID)
            json.key("number"); json.string(number)
            json.key("reason"); json.string(reason)
        }
    }
}
