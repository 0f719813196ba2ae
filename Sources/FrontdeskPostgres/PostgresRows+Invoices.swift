import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

extension InvoiceRecord {
    init(row: PostgresRandomAccessRow) throws {
        self.init(id: try row.value("id"), bookingID: try row.value("booking_id"), status: try row.enum("status"),
                  number: try row.value("number"), issuedAt: try row.optionalDate("issued_at"),
                  pricesIncludeTax: try row.value("prices_include_tax"), version: try row.value("version"),
                  createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    func fields(_ organizationID: UUID) -> Fields {
        [("id", "\(id)"), ("organization_id", "\(organizationID)"), ("booking_id", "\(bookingID)"),
         ("status", "\(status.rawValue)"), ("number", "\(number)"), ("issued_at", "\(issuedAt)"),
         ("prices_include_tax", "\(pricesIncludeTax)"), ("dated_at", "\(issuedAt ?? createdAt)"),
         ("version", "\(version)"), ("created_at", "\(createdAt)"), ("updated_at", "\(updatedAt)")]
    }
}

extension InvoiceLine {
    init(row: PostgresRandomAccessRow) throws {
        let category: String = try row.value("tax_category")
        let rate = try row.value("tax_name", as: String?.self).map {
            BillingSettings.TaxRate(category: category, name: $0, basisPoints: try row.value("tax_basis_points"))
        }
        self.init(id: try row.value("id"), kind: try row.enum("kind"), bookingLineID: try row.value("booking_line_id"),
                  description: try row.value("description"), quantity: try row.value("quantity"),
                  unitAmount: try row.value("unit_amount"), taxCategory: category, taxRate: rate,
                  voided: try row.value("voided"), createdAt: try row.date("created_at"))
    }

    func fields(invoiceID: UUID, position: Int) -> Fields {
        [("id", "\(id)"), ("invoice_id", "\(invoiceID)"), ("position", "\(position)"), ("kind", "\(kind.rawValue)"),
         ("booking_line_id", "\(bookingLineID)"), ("description", "\(description)"), ("quantity", "\(quantity)"),
         ("unit_amount", "\(unitAmount)"), ("tax_category", "\(taxCategory)"), ("tax_name", "\(taxRate?.name)"),
         ("tax_basis_points", "\(taxRate?.basisPoints)"), ("voided", "\(voided)"), ("created_at", "\(createdAt)")]
    }
}

extension Payment {
    init(row: PostgresRandomAccessRow) throws {
        self.init(id: try row.value("id"), organizationID: try row.value("organization_id"),
                  invoiceID: try row.value("invoice_id"), direction: try row.enum("direction"),
                  amount: try row.value("amount"), currency: try row.value("currency"), method: try row.enum("method"),
                  reference: try row.value("reference"), locationID: try row.value("location_id"),
                  createdAt: try row.date("created_at"))
    }

    var fields: Fields {
        [("id", "\(id)"), ("organization_id", "\(organizationID)"), ("invoice_id", "\(invoiceID)"),
         ("direction", "\(direction.rawValue)"), ("amount", "\(amount)"), ("currency", "\(currency)"),
         ("method", "\(method.rawValue)"), ("reference", "\(reference)"), ("location_id", "\(locationID)"),
         ("created_at", "\(createdAt)")]
    }
}

extension Deposit {
    init(row: PostgresRandomAccessRow) throws {
        self.init(id: try row.value("id"), organizationID: try row.value("organization_id"),
                  invoiceID: try row.value("invoice_id"), bookingID: try row.value("booking_id"),
                  amount: try row.value("amount"), captured: try row.value("captured"), released: try row.value("released"),
                  currency: try row.value("currency"), method: try row.enum("method"), reference: try row.value("reference"),
                  createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    var fields: Fields {
        [("id", "\(id)"), ("organization_id", "\(organizationID)"), ("invoice_id", "\(invoiceID)"),
         ("booking_id", "\(bookingID)"), ("amount", "\(amount)"), ("captured", "\(captured)"),
         ("released", "\(released)"), ("currency", "\(currency)"), ("method", "\(method.rawValue)"),
         ("reference", "\(reference)"), ("created_at", "\(createdAt)"), ("updated_at", "\(updatedAt)")]
    }
}

extension CreditNote {
    init(row: PostgresRandomAccessRow) throws {
        self.init(id: try row.value("id"), organizationID: try row.value("organization_id"),
                  invoiceID: try row.value("invoice_id"), number: try row.value("number"), amount: try row.value("amount"),
                  currency: try row.value("currency"), reason: try row.value("reason"), createdAt: try row.date("created_at"))
    }

    var fields: Fields {
        [("id", "\(id)"), ("organization_id", "\(organizationID)"), ("invoice_id", "\(invoiceID)"),
         ("number", "\(number)"), ("amount", "\(amount)"), ("currency", "\(currency)"), ("reason", "\(reason)"),
         ("created_at", "\(createdAt)")]
    }
}
