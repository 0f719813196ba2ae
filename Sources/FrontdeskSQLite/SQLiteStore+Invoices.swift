import Foundation
import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore: InvoiceStore {
    public func billingSettings(_ organizationID: UUID) async throws -> BillingSettings {
        try await read { db in try Self.requireOrganization(organizationID, db).billing }
    }

    public func updateBillingSettings(
        _ organizationID: UUID, _ change: @escaping @Sendable (BillingSettings) throws -> BillingSettings
    ) async throws -> BillingSettings {
        try await write { db in
            let next = try change(try Self.requireOrganization(organizationID, db).billing)
            try db.run("UPDATE organizations SET billing = ? WHERE id = ?", [next.stored, organizationID.text])
            return next
        }
    }

    public func invoice(_ organizationID: UUID, _ id: UUID) async throws -> Invoice? {
        try await read { db in try Self.invoice(organizationID, "id", id, db) }
    }

    public func invoices(_ organizationID: UUID, filter: InvoiceFilter, page: PageRequest) async throws -> Page<Invoice> {
        var clauses = ["i.organization_id = ?"]
        var arguments: [(any DatabaseValueConvertible)?] = [organizationID.text]
        if let bookingID = filter.bookingID {
            clauses.append("i.booking_id = ?")
            arguments.append(bookingID.text)
        }
        if !filter.statuses.isEmpty {
            clauses.append("i.status IN \(placeholders(filter.statuses.count))")
            arguments += filter.statuses.map(\.rawValue)
        }
        for (clause, bound) in [("i.dated_at >= ?", filter.from), ("i.dated_at < ?", filter.to)] {
            guard let bound else { continue }
            clauses.append(clause)
            arguments.append(bound.millis)
        }
        let query = Self.pageQuery("invoices", as: "i", where: clauses, arguments, page: page)
        let invoices = try await read { db in
            try Self.invoices(organizationID, try db.rows(sql: query.sql, arguments: query.arguments, InvoiceRecord.init(row:)), db)
        }
        return Page(fetched: invoices, limit: page.limit) { Cursor(createdAt: $0.createdAt, id: $0.id) }
    }

    public func changeInvoice(
        _ organizationID: UUID, _ id: UUID, numbering: Set<DocumentNumber.Series>, now: Date,
        decide: @escaping @Sendable (Invoice, DocumentNumbers) throws -> InvoiceChange
    ) async throws -> InvoiceChange {
        try await write { db in
            guard let invoice = try Self.invoice(organizationID, "id", id, db) else {
                throw FrontdeskError.notFound(entity: "invoice", id: id.text)
            }
            return try self.change(invoice, numbering: numbering, now: now, decide, db)
        }
    }

    public func payments(_ organizationID: UUID, filter: PaymentFilter, page: PageRequest) async throws -> Page<Payment> {
        var clauses = ["p.organization_id = ?"]
        var arguments: [(any DatabaseValueConvertible)?] = [organizationID.text]
        for (column, value) in [("invoice_id", filter.invoiceID?.text), ("method", filter.method?.rawValue),
                                ("direction", filter.direction?.rawValue)] {
            guard let value else { continue }
            clauses.append("p.\(column) = ?")
            arguments.append(value)
        }
        if !filter.locationIDs.isEmpty {
            clauses.append("p.location_id IN \(placeholders(filter.locationIDs.count))")
            arguments += filter.locationIDs.map(\.text)
        }
        for (clause, bound) in [("p.created_at >= ?", filter.from), ("p.created_at < ?", filter.to)] {
            guard let bound else { continue }
            clauses.append(clause)
            arguments.append(bound.millis)
        }
        let query = Self.pageQuery("payments", as: "p", where: clauses, arguments, page: page)
        let payments = try await read { db in try db.rows(sql: query.sql, arguments: query.arguments, Payment.init(row:)) }
        return Page(fetched: payments, limit: page.limit) { Cursor(createdAt: $0.createdAt, id: $0.id) }
    }

    public func deposit(_ organizationID: UUID, _ id: UUID) async throws -> Deposit? {
        try await read { db in
            try db.cachedRow(sql: "SELECT * FROM deposits WHERE organization_id = ? AND id = ?",
                             arguments: [organizationID.text, id.text], Deposit.init(row:))
        }
    }

    // MARK: Inside a transaction

    /// What a booking's change does to its invoice (`BookingChange.invoice`): a new booking's is
    /// inserted (its event goes with the booking's); another is read as the booking now is and
    /// changed. A booking made before invoices existed may have none: it is left so.
    func follow(_ change: BookingChange, _ db: Database) throws {
        switch change.invoice {
        case nil: return
        case .create(let created):
            try db.insert("invoices", created.invoice.record.columns(created.organizationID))
        case .change(let numbering, let decide):
            guard let invoice = try Self.invoice(change.organizationID, "booking_id", change.booking.id, db,
                                                 booking: change.booking) else { return }
            _ = try self.change(invoice, numbering: numbering, now: change.booking.updatedAt, decide, db)
        }
    }

    /// Asks `decide` for `invoice`'s change, with the next number of each series `numbering`
    /// names, and writes it.
    private func change(
        _ invoice: Invoice, numbering: Set<DocumentNumber.Series>, now: Date,
        _ decide: (Invoice, DocumentNumbers) throws -> InvoiceChange, _ db: Database
    ) throws -> InvoiceChange {
        let organizationID = invoice.organizationID
        var numbers: DocumentNumbers = [:]
        if !numbering.isEmpty {
            let year = BookingNumber.year(of: now, in: try Self.requireOrganization(organizationID, db).zone)
            for series in numbering {
                let last = try db.integer("""
                    SELECT last_sequence FROM document_series WHERE organization_id = ? AND series = ? AND year = ?
                    """, [organizationID.text, series.rawValue, year]) ?? 0
                numbers[series] = DocumentNumbering(series: series, year: year, next: Int(last) + 1)
            }
        }
        let change = try decide(invoice, numbers)
        try db.update("invoices", change.invoice.record.columns(organizationID),
                      previous: invoice.record.columns(organizationID))
        if change.closes {
            // Written down as it closed: every line with the rate it was taxed at.
            try db.run("DELETE FROM invoice_items WHERE invoice_id = ?", [invoice.id.text])
            for (position, taxed) in change.invoice.lines.enumerated() {
                try db.insert("invoice_items", taxed.line.columns(invoiceID: invoice.id, position: position))
            }
        }
        if let item = change.addedItem {
            let position = try db.integer("SELECT coalesce(max(position), -1) + 1 FROM invoice_items WHERE invoice_id = ?",
                                          [invoice.id.text]) ?? 0
            try db.insert("invoice_items", item.columns(invoiceID: invoice.id, position: Int(position)))
        }
        if let itemID = change.removedItemID {
            try db.run("DELETE FROM invoice_items WHERE invoice_id = ? AND id = ?", [invoice.id.text, itemID.text])
        }
        if let payment = change.payment { try db.insert("payments", payment.columns) }
        if let note = change.creditNote { try db.insert("credit_notes", note.columns) }
        if let deposit = change.deposit {
            let before = invoice.deposits.first { $0.id == deposit.id }
            if let before { try db.update("deposits", deposit.columns, previous: before.columns) } else {
                try db.insert("deposits", deposit.columns)
            }
        }
        for numbering in change.takes.compactMap({ numbers[$0] }) {
            try db.run("""
                INSERT INTO document_series (organization_id, series, year, last_sequence) VALUES (?, ?, ?, ?)
                ON CONFLICT (organization_id, series, year) DO UPDATE SET last_sequence = excluded.last_sequence
                """, [organizationID.text, numbering.series.rawValue, numbering.year, numbering.next])
        }
        try record(change, db)
        return change
    }

    /// The invoice whose `column` is `value`, read whole; with `booking` as it is in this
    /// transaction when given.
    static func invoice(
        _ organizationID: UUID, _ column: String, _ value: UUID, _ db: Database, booking: Booking? = nil
    ) throws -> Invoice? {
        guard let record = try db.cachedRow(sql: "SELECT * FROM invoices WHERE organization_id = ? AND \(column) = ?",
                                            arguments: [organizationID.text, value.text], InvoiceRecord.init(row:))
        else { return nil }
        return try invoices(organizationID, [record], db, bookings: booking.map { [$0] }).first
    }

    /// Invoices read whole from their records: their bookings (`bookings` when given), items,
    /// payments, credit notes and deposits, one query each. The ids go in as one JSON array
    /// (`jsonArray`), so each statement is the same for any number of invoices and is prepared once
    /// per connection: prepared anew, these five were a third of the writer's time on a payment.
    static func invoices(
        _ organizationID: UUID, _ records: [InvoiceRecord], _ db: Database, bookings given: [Booking]? = nil
    ) throws -> [Invoice] {
        guard !records.isEmpty else { return [] }
        let billing = try requireOrganization(organizationID, db).billing
        let ids: StatementArguments = [jsonArray(records.map(\.id))]
        let bookings = try given ?? withLines(try db.cachedRows(
            sql: "SELECT \(Booking.selected(as: "b")) FROM bookings b WHERE b.organization_id = ? AND b.id IN (SELECT value FROM json_each(?))",
            arguments: [organizationID.text, jsonArray(records.map(\.bookingID))]) { try Booking(row: $0, lines: []) }, db)
        let byID = Dictionary(uniqueKeysWithValues: bookings.map { ($0.id, $0) })
        let items = try Dictionary(grouping: db.cachedRows(
            sql: "SELECT * FROM invoice_items WHERE invoice_id IN (SELECT value FROM json_each(?)) ORDER BY position",
            arguments: ids) { (try $0.uuid("invoice_id"), try InvoiceLine(row: $0)) }, by: \.0)
        let payments = try Dictionary(grouping: db.cachedRows(
            sql: "SELECT * FROM payments WHERE invoice_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id",
            arguments: ids, Payment.init(row:)), by: \.invoiceID)
        let notes = try Dictionary(grouping: db.cachedRows(
            sql: "SELECT * FROM credit_notes WHERE invoice_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id",
            arguments: ids, CreditNote.init(row:)), by: \.invoiceID)
        let deposits = try Dictionary(grouping: db.cachedRows(
            sql: "SELECT * FROM deposits WHERE invoice_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id",
            arguments: ids, Deposit.init(row:)), by: \.invoiceID)
        return records.compactMap { record in
            byID[record.bookingID].map { booking in
                Invoice(record, booking: booking, items: items[record.id]?.map(\.1) ?? [],
                        payments: payments[record.id] ?? [], creditNotes: notes[record.id] ?? [],
                        deposits: deposits[record.id] ?? [], billing: billing)
            }
        }
    }
}
