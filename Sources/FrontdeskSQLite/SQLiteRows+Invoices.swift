import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension InvoiceRecord {
    init(row: Row) throws {
        self.init(id: row.uuid("id"), bookingID: row.uuid("booking_id"), status: try row.enumeration("status"),
                  number: row["number"], issuedAt: row.optionalDate("issued_at"),
                  pricesIncludeTax: row["prices_include_tax"], version: row["version"], createdAt: row.date("created_at"),
                  updatedAt: row.date("updated_at"))
    }

    func columns(_ organizationID: UUID) -> Columns {
        ["id": id.text, "organization_id": organizationID.text, "booking_id": bookingID.text, "status": status.rawValue,
         "number": number, "issued_at": issuedAt?.millis, "prices_include_tax": pricesIncludeTax,
         "dated_at": (issuedAt ?? createdAt).millis, "version": version, "created_at": createdAt.millis,
         "updated_at": updatedAt.millis]
    }
}

extension InvoiceLine {
    init(row: Row) throws {
        let rate = (row["tax_name"] as String?).map {
            BillingSettings.TaxRate(category: row["tax_category"], name: $0,
                                    basisPoints: row["tax_basis_points"])
        }
        self.init(id: row.uuid("id"), kind: try row.enumeration("kind"), bookingLineID: row.optionalUUID("booking_line_id"),
                  description: row["description"], quantity: row["quantity"], unitAmount: row["unit_amount"],
                  taxCategory: row["tax_category"], taxRate: rate, voided: row["voided"], createdAt: row.date("created_at"))
    }

    func columns(invoiceID: UUID, position: Int) -> Columns {
        ["id": id.text, "invoice_id": invoiceID.text, "position": position, "kind": kind.rawValue,
         "booking_line_id": bookingLineID?.text, "description": description, "quantity": quantity,
         "unit_amount": unitAmount, "tax_category": taxCategory, "tax_name": taxRate?.name, "tax_basis_points": taxRate?.basisPoints, "voided": voided,
         "created_at": createdAt.millis]
    }
}

extension Payment {
    init(row: Row) throws {
        self.init(id: row.uuid("id"), organizationID: row.uuid("organization_id"), invoiceID: row.uuid("invoice_id"),
                  direction: try row.enumeration("direction"), amount: row["amount"], currency: row["currency"],
                  method: try row.enumeration("method"), reference: row["reference"], locationID: row.uuid("location_id"),
                  createdAt: row.date("created_at"))
    }

    var columns: Columns {
        ["id": id.text, "organization_id": organizationID.text, "invoice_id": invoiceID.text,
         "direction": direction.rawValue, "amount": amount, "currency": currency, "method": method.rawValue,
         "reference": reference, "location_id": locationID.text, "created_at": createdAt.millis]
    }
}

extension Deposit {
    init(row: Row) throws {
        self.init(id: row.uuid("id"), organizationID: row.uuid("organization_id"), invoiceID: row.uuid("invoice_id"),
                  bookingID: row.uuid("booking_id"), amount: row["amount"], captured: row["captured"],
                  released: row["released"], currency: row["currency"], method: try row.enumeration("method"),
                  reference: row["reference"], createdAt: row.date("created_at"), updatedAt: row.date("updated_at"))
    }

    var columns: Columns {
        ["id": id.text, "organization_id": organizationID.text, "invoice_id": invoiceID.text, "booking_id": bookingID.text,
         "amount": amount, "captured": captured, "released": released, "currency": currency, "method": method.rawValue,
         "reference": reference, "created_at": createdAt.millis, "updated_at": updatedAt.millis]
    }
}

extension CreditNote {
    init(row: Row) {
        self.init(id: row.uuid("id"), organizationID: row.uuid("organization_id"), invoiceID: row.uuid("invoice_id"),
                  number: row["number"], amount: row["amount"], currency: row["currency"], reason: row["reason"],
                  createdAt: row.date("created_at"))
    }

    var columns: Columns {
        ["id": id.text, "organization_id": organizationID.text, "invoice_id": invoiceID.text, "number": number,
         "amount": amount, "currency": currency, "reason": reason, "created_at": createdAt.millis]
    }
}
